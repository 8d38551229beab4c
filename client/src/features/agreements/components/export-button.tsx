import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommitmentExportQuery } from '@enlace/shared';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { toastError } from '../../../ui/toast';
import { exportCommitments } from '../api/indicators-api';
import { saveFile } from '../save-file';

/** The commitments of the filtered portfolio (or of one agreement) as CSV, in the interface language. */
export function ExportButton({ query }: { query: CommitmentExportQuery }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const download = useMutation({ mutationFn: () => exportCommitments(query), onSuccess: saveFile, onError: (error) => toastError(describeError(error)) });
  return (
    <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
      {t('agreements.exportCsv')}
    </Button>
  );
}
