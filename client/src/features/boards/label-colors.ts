/**
 * The colours offered for a new label. Each has a name, shown next to it when choosing, and every
 * label chip shows the label's own name: colour is never the only carrier of meaning.
 */
export const LABEL_COLORS = [
  { name: 'red', value: '#c9372c' },
  { name: 'orange', value: '#e56910' },
  { name: 'yellow', value: '#f5cd47' },
  { name: 'green', value: '#1f845a' },
  { name: 'teal', value: '#1d9aaa' },
  { name: 'blue', value: '#0c66e4' },
  { name: 'purple', value: '#6e5dc6' },
  { name: 'grey', value: '#8590a2' },
] as const;
export type LabelColorName = (typeof LABEL_COLORS)[number]['name'];

const BLACK = '#000000';
const WHITE = '#ffffff';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => {
    const value = parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/**
 * Black or white, whichever contrasts more with `background`. Labels may have any colour, and one of
 * the two always reaches at least 4.58:1, above WCAG AA's 4.5:1 for small text.
 */
export function readableTextColor(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return BLACK;
  const light = luminance(background);
  const withBlack = (light + 0.05) / 0.05;
  const withWhite = 1.05 / (light + 0.05);
  return withBlack >= withWhite ? BLACK : WHITE;
}
