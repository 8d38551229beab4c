import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type SMTPSentMessageInfo, type StreamSentMessageInfo, type Transporter } from 'nodemailer';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { renderInvitation, type InvitationMail, type RenderedMail } from './invitation-templates.js';
import { renderPasswordReset, type PasswordResetMail } from './password-reset-templates.js';

/**
 * The inviter's request waits for the SMTP hand-over, so nodemailer's defaults (2 minutes to connect,
 * 10 minutes of silence) would hang it; query parameters in SMTP_URL still override these.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

type Delivery =
  | { kind: 'smtp'; transport: Transporter<SMTPSentMessageInfo> }
  | { kind: 'outbox'; dir: string; transport: Transporter<StreamSentMessageInfo> };

/**
 * SMTP when SMTP_URL is set; otherwise each message is written to DATA_DIR/outbox as an .eml file, so
 * invitations and password resets work on a single machine with no mail server. Logs neither links nor
 * bodies: they carry secrets.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly delivery: Delivery;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.delivery = config.smtpUrl
      ? { kind: 'smtp', transport: nodemailer.createTransport({ ...SMTP_TIMEOUTS, url: config.smtpUrl }) }
      : {
          kind: 'outbox',
          dir: join(config.dataDir, 'outbox'),
          // CRLF line endings, as RFC 5322 requires, so the file opens in any mail client.
          transport: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }),
        };
  }

  async sendInvitation(mail: InvitationMail): Promise<void> {
    await this.send(mail.to, renderInvitation(mail), 'Invitation');
  }

  async sendPasswordReset(mail: PasswordResetMail): Promise<void> {
    await this.send(mail.to, renderPasswordReset(mail), 'Password reset');
  }

  private async send(to: string, { subject, text, html }: RenderedMail, kind: string): Promise<void> {
    const message: SendMailOptions = { from: this.config.mailFrom, to, subject, text, html };
    if (this.delivery.kind === 'smtp') {
      const info = await this.delivery.transport.sendMail(message);
      this.logger.log(`${kind} e-mail sent via SMTP (message id ${info.messageId})`);
      return;
    }
    const { message: eml } = await this.delivery.transport.sendMail(message);
    if (!Buffer.isBuffer(eml)) throw new Error('The outbox transport must produce a buffer');
    await mkdir(this.delivery.dir, { recursive: true, mode: 0o700 });
    const file = `${new Date().toISOString().replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.eml`;
    // 0600: the file holds a working link (an invitation or a password reset).
    await writeFile(join(this.delivery.dir, file), eml, { mode: 0o600, flag: 'wx' });
    this.logger.log(`${kind} e-mail written to outbox/${file}`);
  }
}
