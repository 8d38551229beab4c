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
