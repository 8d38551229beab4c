import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStage, CaseStatisticDimension, ExploitationType } from '@enlace/shared';

/** How a cell's key reads in the interface language: a stage or type by name, a month as "March 2026". */
export function useCellLabel(by: CaseStatisticDimension): (key: string | null) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const months = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return (key) => {
      if (key === null) return t('caseStatistics.noJurisdiction');
      if (by === 'stage') return t(`cases.stages.${key as CaseStage}`);
      if (by === 'exploitationType') return t(`cases.exploitation.${key as ExploitationType}`);
      if (by === 'month') {
        const [year, month] = key.split('-').map(Number);
        return months.format(Date.UTC(year, month - 1, 1));
      }
      return key;
    };
  }, [by, language, t]);
}
