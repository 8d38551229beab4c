import { describe, expect, it } from '@jest/globals';
import { LABEL_COLORS, readableTextColor } from './label-colors.js';

/** WCAG 2 contrast ratio, computed independently of the code under test. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('readableTextColor', () => {
  it('puts white on dark labels and black on light ones', () => {
    expect(readableTextColor('#0c66e4')).toBe('#ffffff');
    expect(readableTextColor('#f5cd47')).toBe('#000000');
  });

  it('reaches WCAG AA (4.5:1) on every offered colour and on any colour a label may have', () => {
    const samples = [...LABEL_COLORS.map((color) => color.value), '#777777', '#808080', '#ff0000', '#00ff00', '#0000ff', '#ffffff', '#000000', '#7f7f00'];
    for (let step = 0; step < 4096; step += 37) samples.push(`#${[step >> 8, (step >> 4) & 15, step & 15].map((n) => (n * 17).toString(16).padStart(2, '0')).join('')}`);
    for (const background of samples) expect(contrast(background, readableTextColor(background))).toBeGreaterThanOrEqual(4.5);
  });

  it('falls back to black for a colour it cannot read', () => {
    expect(readableTextColor('teal')).toBe('#000000');
  });
});
