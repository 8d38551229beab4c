import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipSummaryDto } from '@enlace/shared';
import { Panel } from '../../../ui/panel';

/** A placeholder until the workspaces feature lists them; it will link from here. */
export function MembershipSummary({ memberships }: { memberships: MembershipSummaryDto[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('home.workspacesHeading')}>
      <Text>{memberships.length === 0 ? t('home.noWorkspaces') : t('home.workspaceCount', { count: memberships.length })}</Text>
    </Panel>
  );
}
