import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipSummaryDto } from '@enlace/shared';

/** A placeholder until the workspaces feature lists them; it will link from here. */
export function MembershipSummary({ memberships }: { memberships: MembershipSummaryDto[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.workspacesHeading')}</h2>
      <p>{memberships.length === 0 ? t('home.noWorkspaces') : t('home.workspaceCount', { count: memberships.length })}</p>
    </section>
  );
}
