import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The e-mails a server without SMTP wrote to DATA_DIR/outbox, oldest first, as raw .eml text. */
export function outboxMessages(dataDir: string): string[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/**
 * Waits for the `count`-th e-mail to `to` and returns the password-reset token in it (forgot-password sends
 * after answering, so the message can arrive a moment later). Polls the folder; gives up after 10 s.
 */
export async function resetTokenFor(dataDir: string, to: string, count = 1): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const tokens = outboxMessages(dataDir)
      .filter((eml) => eml.includes(`To: ${to}`))
      .map((eml) => /\/reset-password\/([A-Za-z0-9_-]{20,})/.exec(eml.replace(/=\r?\n/g, ''))?.[1])
      .filter((token): token is string => token !== undefined);
    if (tokens.length >= count) return tokens[count - 1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No password reset e-mail to ${to} in the outbox`);
}

/** The value of a header, unfolded and with RFC 2047 encoded words decoded: enough for what nodemailer writes. */
export function mailHeader(eml: string, name: string): string | undefined {
  const head = eml.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return undefined;
  // Decoded to bytes first and to UTF-8 last, because a character may be split across two encoded words.
  const latin1 = line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('latin1') : qDecodeToLatin1(data.replaceAll('_', ' ')),
    );
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

function qDecodeToLatin1(text: string): string {
  return text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Undoes quoted-printable over the whole message; long links are split by soft line breaks. */
export function decodeQuotedPrintable(text: string): string {
  return Buffer.from(qDecodeToLatin1(Buffer.from(text, 'utf8').toString('latin1').replace(/=\r?\n/g, '')), 'latin1').toString('utf8');
}

/** The e-mails to `to` in the outbox, oldest first. */
export function messagesTo(dataDir: string, to: string): string[] {
  return outboxMessages(dataDir).filter((eml) => mailHeader(eml, 'To') === to);
}
