import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStage, ReferralStatus, RiskLevel } from '@enlace/shared';
import { READABLE } from '../../agreements/components/status-badge';

const STAGE_COLORS: Record<CaseStage, string> = {
  identified: 'blue',
  assessment: 'indigo',
  assistance: 'teal',
  inclusion: 'green',
  return: 'green',
  closed: 'gray',
};

export function CaseStageBadge({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STAGE_COLORS[stage]} c={READABLE} miw={{ sm: 'max-content' }}>
      {t(`cases.stages.${stage}`)}
    </Badge>
  );
}

const RISK_COLORS: Record<RiskLevel, string> = { unknown: 'gray', low: 'green', medium: 'yellow', high: 'red' };

export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={RISK_COLORS[level]} c={READABLE} miw={{ sm: 'max-content' }}>
      {t(`cases.risk.${level}`)}
    </Badge>
  );
}

const STATUS_COLORS: Record<ReferralStatus, string> = { sent: 'blue', accepted: 'green', declined: 'red', completed: 'teal', withdrawn: 'gray' };

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} c={READABLE} miw={{ sm: 'max-content' }}>
      {t(`cases.referrals.statuses.${status}`)}
    </Badge>
  );
}
