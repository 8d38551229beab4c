import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Locale, WorkspaceRole } from '@enlace/shared';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { renderInvitation } from './invitation-templates.js';

export interface InvitationMail {
  to: string;
  locale: Locale | null;
  workspaceTitle: string;
  inviterName: string;
  inviterOrganization: string | null;
  role: WorkspaceRole;
  url: string;
  expiresAt: Date;
  personalMessage?: string;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written to DATA_DIR/outbox as an .eml file, so
 * invitations work on a single machine with no mail server. Never logs a link: it carries a secret.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly outbox?: string;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    if (config.smtpUrl) {
      this.transport = nodemailer.createTransport(config.smtpUrl);
    } else {
      this.outbox = join(config.dataDir, 'outbox');
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  async sendInvitation(mail: InvitationMail): Promise<void> {
    const { subject, text, html } = renderInvitation(mail);
    const info = (await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject, text, html })) as { message?: Buffer; messageId?: string };
    if (!this.outbox) {
      this.logger.log(`Invitation e-mail sent through SMTP (${info.messageId ?? 'no id'})`);
      return;
    }
    mkdirSync(this.outbox, { recursive: true, mode: 0o700 });
    const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
    writeFileSync(join(this.outbox, file), info.message ?? '', { mode: 0o600 });
    this.logger.log(`Invitation e-mail written to outbox/${file}`);
  }
}
