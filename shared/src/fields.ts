import { z } from 'zod';

/**
 * Free text a person writes: every title, name, description, message and comment of a request. PostgreSQL
 * cannot store NUL in text, and an unpaired UTF-16 surrogate has no UTF-8 form: let through, either fails
 * in the database (a 500) instead of here. With the `u` flag a well-formed pair, an emoji say, is one code
 * point, so `\p{Cs}` matches only a lone surrogate. Chain `.trim()`, `.min()` and `.max()` as on z.string().
 */
export const TextSchema = z.string().regex(/^[^\0\p{Cs}]*$/u, 'No NUL characters or unpaired surrogates');

/**
 * A day as YYYY-MM-DD that exists on the calendar (no 2026-02-31, leap years counted), from 0001-01-01 to
 * 9999-12-31: PostgreSQL's `date` has no year 0.
 */
export const CalendarDateSchema = z.iso
  .date({ error: 'A date that exists on the calendar, as YYYY-MM-DD' })
  .refine((date) => !date.startsWith('0000'), 'Years start at 0001');
