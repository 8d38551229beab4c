/**
 * Dates, moments, lists and relative times in the reader's language, shared by every feature, with one Intl
 * formatter per language: building a formatter costs far more than using one, and a board renders thousands of cards.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<F>(cache: Map<string, F>, language: string | undefined, create: () => F): F {
  const key = language ?? '';
  let format = cache.get(key);
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/** A due date (`YYYY-MM-DD`, a calendar day, so shown in UTC where it cannot shift) in the reader's language. */
export function formatDueDate(day: string, language: string | undefined): string {
  const format = cached(dateFormats, language, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }));
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** A moment (an ISO timestamp) as a date and time of day in the reader's language and time zone. */
export function formatMoment(iso: string, language: string | undefined): string {
  return cached(timeFormats, language, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso));
}

/** "Ana, Luis and Marta" in the reader's language. */
export function formatList(items: string[], language: string | undefined): string {
  return cached(listFormats, language, () => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })).format(items);
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago (or from now) `iso` is, in the reader's language: "3 minutes ago", "hace 3 minutos", "now". */
export function formatRelative(iso: string, language: string | undefined, now = Date.now()): string {
  const format = cached(relativeFormats, language, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
