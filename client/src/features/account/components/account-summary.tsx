import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '@enlace/shared';
import { OrganizationDetails } from './organization-details';
import { RoleBadges } from './role-badges';

export function AccountSummary({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const headingId = useId();

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.accountHeading')}</h2>
      <dl className="details">
        <div className="detail">
          <dt>{t('home.name')}</dt>
          <dd>{me.user.displayName}</dd>
        </div>
        <div className="detail">
          <dt>{t('home.email')}</dt>
          <dd>{me.user.email}</dd>
        </div>
        <OrganizationDetails organization={me.organization} unconfirmed={me.unconfirmedOrganization} />
        <div className="detail">
          <dt>{t('home.roles')}</dt>
          <dd>
            <RoleBadges me={me} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
