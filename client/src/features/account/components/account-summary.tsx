import type { MeDto } from '@enlace/shared';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../ui/panel';
import { OrganizationDetails } from './organization-details';
import { RoleBadges } from './role-badges';

export function AccountSummary({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('home.accountHeading')}>
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
    </Panel>
  );
}
