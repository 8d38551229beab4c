import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '@enlace/shared';
import { useCountryName } from '../hooks/use-country-name';

/** Rows of the account's description list; rendered inside its <dl>. */
export function OrganizationDetails({ organization }: { organization: OrganizationDto | null }) {
  const { t } = useTranslation();
  if (!organization) {
    return (
      <div className="detail">
        <dt>{t('home.organization')}</dt>
        <dd>{t('home.noOrganization')}</dd>
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
