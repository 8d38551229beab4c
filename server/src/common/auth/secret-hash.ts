import { createHash } from 'node:crypto';

/** How secrets handed to users (refresh and invitation tokens) are stored: only their SHA-256. */
export const hashSecret = (value: string): string => createHash('sha256').update(value).digest('hex');
