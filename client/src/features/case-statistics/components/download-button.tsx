import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseStatisticDimension } from '@enlace/shared';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { toastError } from '../../../ui/toast';
import { saveFile } from '../../agreements/save-file';
import { exportCaseStatistics } from '../api/case-statistics-api';

/** The breakdown on screen as CSV, "<5" where suppressed. */
export function DownloadButton({ by }: { by: CaseStatisticDimension }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const download = useMutation({ mutationFn: () => exportCaseStatistics(by), onSuccess: saveFile, onError: (error) => toastError(describeError(error)) });
  return (
    <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
      {t('caseStatistics.download')}
    </Button>
  );
}
