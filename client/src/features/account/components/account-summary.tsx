import type { MeDto } from '@enlace/shared';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../ui/panel';
import { OrganizationDetails } from './organization-details';
import { RoleBadges } from './role-badges';

/** Who the person is and their organisation; `title` replaces the heading where the page already says "Your account". */
export function AccountSummary({ me, title }: { me: MeDto; title?: string }) {
  const { t } = useTranslation();
  return (
    <Panel title={title ?? t('home.accountHeading')}>
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
