import type { i18n } from 'i18next';

/**
 * Numbers in sentences (`{{count, number}}`) take the interface language's digit grouping, always: Intl
 * leaves Spanish four-digit numbers ungrouped by default, and people read "1.667 tarjetas", not "1667".
 * Call after `init`.
 */
export function groupNumbersAlways(instance: i18n): void {
  instance.services.formatter?.addCached('number', (language, options: Intl.NumberFormatOptions) => {
    const format = new Intl.NumberFormat(language, { useGrouping: 'always', ...options });
    return (value: number) => format.format(value);
  });
}
