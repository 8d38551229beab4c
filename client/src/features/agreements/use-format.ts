import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDueDate, formatMoment } from '../../i18n/format';

/** Dates, numbers, money and country names in the interface language (Intl), for the agreement views. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const countries = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const decimals = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    // Grouped from four digits on in every language ("1.667"), as counts are read at a glance.
    const counts = new Intl.NumberFormat(language, { useGrouping: 'always' });
    const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    return {
      language,
      day: (day: string) => formatDueDate(day, language),
      moment: (iso: string) => formatMoment(iso, language),
      count: (value: number) => counts.format(value),
      number: (value: number) => decimals.format(value),
      /** A share from 0 to 1 as a whole percentage ("30%", "30 %"). */
      percent: (share: number) => percents.format(share),
      /** A decimal string amount ("1500000.00") in its ISO 4217 currency. */
      money: (amount: string, currency: string) => new Intl.NumberFormat(language, { style: 'currency', currency }).format(Number(amount)),
      country: (code: string) => {
        try {
          return countries.of(code) ?? code;
        } catch {
          return code; // not a region code Intl knows
        }
      },
    };
  }, [language]);
}

/** Today as a calendar day (UTC), as the server reckons due dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
