import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { loadConfig, type Config } from '../../server/src/common/config/config.js';
import type { InvitationMail } from '../../server/src/mail/invitation-templates.js';
import { Mailer } from '../../server/src/mail/mailer.js';
import { decodeQuotedPrintable, mailHeader as header } from '../support/outbox.js';

const TOKEN = randomBytes(32).toString('base64url');
const LINK = `https://enlace.test/invitations/${TOKEN}`;

const invitation = (overrides: Partial<InvitationMail> = {}): InvitationMail => ({
  to: 'ana@ngo.test',
  locale: 'en',
  workspaceTitle: 'Northern border coordination',
  inviterName: 'Lucia Gomez',
  inviterOrganization: 'Ministry of Justice',
  role: 'observer',
  url: LINK,
  expiresAt: new Date(Date.UTC(2030, 2, 12, 12)),
  personalMessage: 'Welcome aboard.',
  ...overrides,
});

const SUBJECT = 'Invitation to the workspace “Northern border coordination” on Enlace';

describe('mailer', () => {
  let dataDir: string;
  const logs: string[] = [];

  beforeAll(() => {
    const record = (message: unknown) => void logs.push(String(message));
    Logger.overrideLogger({ log: record, warn: record, error: record });
  });
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'enlace-mail-'));
    logs.length = 0;
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const config = (env: Record<string, string> = {}): Config =>
    loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32), NODE_ENV: 'test', ...env });

  describe('without SMTP_URL', () => {
    const outbox = () => join(dataDir, 'outbox');

    it('writes the invitation as an .eml file readable only by the hub, and logs only the file name', async () => {
      await new Mailer(config()).sendInvitation(invitation());

      const files = readdirSync(outbox());
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}\.eml$/);
      expect(statSync(join(outbox(), files[0])).mode & 0o777).toBe(0o600);

      const eml = readFileSync(join(outbox(), files[0]), 'utf8');
      expect(eml).toContain('\r\n\r\n'); // CRLF, as RFC 5322 wants
      expect(header(eml, 'To')).toBe('ana@ngo.test');
      expect(header(eml, 'From')).toBe('Enlace <no-reply@enlace.local>');
      expect(header(eml, 'Subject')).toBe(SUBJECT);
      expect(header(eml, 'Date')).toBeDefined();
      expect(header(eml, 'Content-Type')).toMatch(/^multipart\/alternative;/);
      const body = decodeQuotedPrintable(eml);
      expect(body).toContain(`Open the invitation:\r\n${LINK}`);
      expect(body).toContain(`<a href="${LINK}"`);
      expect(body).toContain('Lucia Gomez (Ministry of Justice) has invited you to join');

      expect(logs).toEqual([`Invitation e-mail written to outbox/${files[0]}`]);
    });

    it('gives every message its own file', async () => {
      const mailer = new Mailer(config());
      await Promise.all([mailer.sendInvitation(invitation()), mailer.sendInvitation(invitation({ to: 'luis@ngo.test' }))]);
      expect(readdirSync(outbox())).toHaveLength(2);
    });

    it('cannot be made to add a header through the workspace title', async () => {
      await new Mailer(config()).sendInvitation(invitation({ workspaceTitle: 'Title\r\nBcc: spy@evil.test' }));
      const [file] = readdirSync(outbox());
      const eml = readFileSync(join(outbox(), file), 'utf8');
      expect(header(eml, 'Bcc')).toBeUndefined();
      expect(header(eml, 'Subject')).toContain('Bcc: spy@evil.test');
    });
  });

  describe('with SMTP_URL', () => {
    let smtp: FakeSmtp;
    beforeEach(async () => (smtp = await startFakeSmtp()));
    afterEach(() => smtp.close());

    it('hands the invitation to the SMTP server and logs only the message id', async () => {
      await new Mailer(config({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` })).sendInvitation(invitation());

      expect(smtp.messages).toHaveLength(1);
      const { from, to, data } = smtp.messages[0];
      expect(from).toBe('no-reply@enlace.local');
      expect(to).toEqual(['ana@ngo.test']);
      expect(header(data, 'Subject')).toBe(SUBJECT);
      expect(decodeQuotedPrintable(data)).toContain(LINK);
      expect(readdirSync(dataDir)).not.toContain('outbox');

      const messageId = header(data, 'Message-ID');
      expect(logs).toEqual([`Invitation e-mail sent via SMTP (message id ${messageId})`]);
    });

    it('fails loudly when the server refuses the recipient, so the caller can report it', async () => {
      smtp.refuseRecipients = true;
      await expect(new Mailer(config({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` })).sendInvitation(invitation())).rejects.toThrow(/550/);
      expect(logs.join('\n')).not.toContain(TOKEN);
    });
  });
});

interface ReceivedMessage {
  from: string;
  to: string[];
  data: string;
}

interface FakeSmtp {
  port: number;
  messages: ReceivedMessage[];
  refuseRecipients: boolean;
  close(): Promise<void>;
}

/** Just enough of an SMTP server (RFC 5321, no extensions) to receive one message per connection. */
async function startFakeSmtp(): Promise<FakeSmtp> {
  const sockets = new Set<Socket>();
  const fake: FakeSmtp = { port: 0, messages: [], refuseRecipients: false, close: () => closeServer(server, sockets) };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let envelope: ReceivedMessage = { from: '', to: [], data: '' };
    let dataLines: string[] | undefined;
    let pending = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\r\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (dataLines) {
          if (line === '.') {
            fake.messages.push({ ...envelope, data: dataLines.join('\r\n') });
            envelope = { from: '', to: [], data: '' };
            dataLines = undefined;
            reply('250 2.0.0 Queued as FAKE1');
          } else {
            dataLines.push(line.startsWith('..') ? line.slice(1) : line); // dot-stuffing
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        switch (command) {
          case 'EHLO':
          case 'HELO':
            reply('250 fake.test');
            break;
          case 'MAIL':
            envelope.from = address;
            reply('250 2.1.0 OK');
            break;
          case 'RCPT':
            if (fake.refuseRecipients) {
              reply('550 5.1.1 No such user');
            } else {
              envelope.to.push(address);
              reply('250 2.1.5 OK');
            }
            break;
          case 'DATA':
            dataLines = [];
            reply('354 End data with <CR><LF>.<CR><LF>');
            break;
          case 'RSET':
            envelope = { from: '', to: [], data: '' };
            reply('250 2.0.0 OK');
            break;
          case 'NOOP':
            reply('250 2.0.0 OK');
            break;
          case 'QUIT':
            reply('221 2.0.0 Bye');
            socket.end();
            break;
          default:
            reply('502 5.5.2 Command not implemented');
        }
      }
    });
    reply('220 fake.test ESMTP');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  return fake;
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
