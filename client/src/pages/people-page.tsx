import { subject } from '@casl/ability';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHubAbility } from '../features/auth/hooks/use-hub-ability';
import { useSession } from '../features/auth/hooks/use-session';
import { JoinRequestsPanel } from '../features/organizations/components/join-requests-panel';
import { OrganizationDomains } from '../features/organizations/components/organization-domains';
import { useOrganizations } from '../features/organizations/hooks/use-organizations';
import { CreateAccountForm } from '../features/people/components/create-account-form';
import { OrganizationPicker } from '../features/people/components/organization-picker';
import { PeopleList } from '../features/people/components/people-list';
import { useDocumentTitle } from '../i18n/use-document-title';
import { ErrorAlert } from '../ui/error-alert';
import { PageStatus } from '../ui/page-status';

/**
 * An organisation's accounts: organisation administrators see their own organisation's, platform
 * administrators choose any (kept in the address, `?organization=`, so the page can be bookmarked).
 */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const ability = useHubAbility();
  const organizations = useOrganizations();
  const [params, setParams] = useSearchParams();
  const platformAdmin = user?.platformAdmin ?? false;
  const organizationId = (platformAdmin ? params.get('organization') : null) ?? user?.organizationId ?? '';
  const organization = organizations.data?.find((candidate) => candidate.id === organizationId);
  const organizationName = organization?.name;

  let picker = null;
  if (platformAdmin) {
    if (organizations.isPending) picker = <PageStatus message={t('app.loading')} />;
    else if (organizations.isError) picker = <ErrorAlert error={organizations.error} />;
    else
      picker = (
        <OrganizationPicker
          organizations={organizations.data}
          value={organizationId}
          onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })}
        />
      );
  }

  return (
    <div className="stack">
      <h1>{t('people.title')}</h1>
      <p className="muted">{t('people.intro')}</p>
      {picker}
      {organizationId ? (
        <>
          <PeopleList key={organizationId} organizationId={organizationId} organizationName={organizationName} />
          {ability.can('create', subject('User', { organizationId })) && (
            <>
              <JoinRequestsPanel key={`requests-${organizationId}`} organizationId={organizationId} organizationName={organizationName ?? ''} />
              <CreateAccountForm key={organizationId} organizationId={organizationId} />
            </>
          )}
          {platformAdmin && organization && <OrganizationDomains key={`domains-${organizationId}`} organization={organization} />}
        </>
      ) : (
        <p>{t('people.noOrganizationChosen')}</p>
      )}
    </div>
  );
}
