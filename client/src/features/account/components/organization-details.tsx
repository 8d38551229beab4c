import { useTranslation } from 'react-i18next';
import type { OrganizationDto, UnconfirmedOrganizationDto } from '@enlace/shared';
import { PersonOrganization } from '../../organizations/components/person-organization';
import { useCountryName } from '../hooks/use-country-name';

/** Rows of the account's description list; rendered inside its <dl>. `unconfirmed`: the organisation asked to join. */
export function OrganizationDetails({ organization, unconfirmed }: { organization: OrganizationDto | null; unconfirmed: UnconfirmedOrganizationDto | null }) {
  const { t } = useTranslation();
  if (!organization) {
    return (
      <div className="detail">
        <dt>{t('home.organization')}</dt>
        <dd>{unconfirmed ? <PersonOrganization name={null} unconfirmed={unconfirmed} /> : t('home.noOrganization')}</dd>
      </div>
    );
  }
  return (
    <>
      <div className="detail">
        <dt>{t('home.organization')}</dt>
        <dd>{organization.name}</dd>
      </div>
      <div className="detail">
        <dt>{t('home.organizationKind')}</dt>
        <dd>{t(`organizationKinds.${organization.kind}`)}</dd>
      </div>
      <div className="detail">
        <dt>{t('home.country')}</dt>
        <dd>
          <CountryName code={organization.country} />
        </dd>
      </div>
      {organization.jurisdiction && (
        <div className="detail">
          <dt>{t('home.jurisdiction')}</dt>
          <dd>{organization.jurisdiction}</dd>
        </div>
      )}
    </>
  );
}

function CountryName({ code }: { code: string }) {
  return <>{useCountryName(code)}</>;
}
