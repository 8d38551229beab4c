// Imported, not global: shared's tsconfig has no Jest types, and this keeps `tsc -p shared` honest.
import { describe, expect, it } from '@jest/globals';
import { CalendarDateSchema, TextSchema } from './fields.js';

describe('TextSchema', () => {
  it.each([
    ['a NUL', 'case\u0000 file'],
    ['a NUL alone', '\u0000'],
    ['a lone high surrogate', 'note \uD83D'],
    ['a lone low surrogate', '\uDE00 note'],
    ['two surrogates in the wrong order', '\uDE00\uD83D'],
  ])('refuses %s', (_case, value) => {
    const result = TextSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('No NUL characters or unpaired surrogates');
  });

  it.each([
    ['plain text', 'Case file 42'],
    ['accents and ñ', 'Coordinación São Paulo, Île-de-France'],
    ['emoji (surrogate pairs)', 'Urgent 🚨 follow-up 👩‍⚖️'],
    ['newlines and tabs', 'line one\n\tline two'],
    ['empty text', ''],
  ])('accepts %s unchanged', (_case, value) => {
    expect(TextSchema.parse(value)).toBe(value);
  });

  it('keeps its check when trimmed and bounded like the request fields', () => {
    const title = TextSchema.trim().min(1).max(20);
    expect(title.parse('  Río 🚨 ')).toBe('Río 🚨');
    expect(title.safeParse(' a\u0000 ').success).toBe(false);
    expect(title.safeParse('   ').success).toBe(false);
  });
});

describe('CalendarDateSchema', () => {
  it.each(['2026-02-31', '0000-00-00', '9999-99-99', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '0000-01-01', '2026-1-01', '2026-01-01T00:00:00Z', ''])(
    'refuses %j',
    (value) => {
      expect(CalendarDateSchema.safeParse(value).success).toBe(false);
    },
  );

  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31'])('accepts %s', (value) => {
    expect(CalendarDateSchema.parse(value)).toBe(value);
  });
});
