import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus, CommitmentStatus } from '@enlace/shared';

const AGREEMENT_COLORS: Record<AgreementStatus, string> = {
  draft: 'gray',
  negotiation: 'yellow',
  signed: 'blue',
  in_force: 'green',
  suspended: 'orange',
  expired: 'dark',
  terminated: 'red',
};

/** Light badges tint their background with the status colour; the word itself keeps the body text's contrast (WCAG AA). */
export const READABLE = 'var(--mantine-color-text)';

const COMMITMENT_COLORS: Record<CommitmentStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'green', blocked: 'red' };

export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={AGREEMENT_COLORS[status]} variant="light" c={READABLE}>
      {t(`agreements.statuses.${status}`)}
    </Badge>
  );
}

export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COMMITMENT_COLORS[status]} variant="light" c={READABLE}>
      {t(`agreements.commitmentStatuses.${status}`)}
    </Badge>
  );
}

/** Past its due date and not done: said in words, not only in colour. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled">
      {t('agreements.overdue')}
    </Badge>
  );
}
