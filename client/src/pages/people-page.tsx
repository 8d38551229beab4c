import { subject } from '@casl/ability';
import { Stack, Text, Title } from '@mantine/core';
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
import { QueryState } from '../ui/query-state';

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

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2" mb="xs">
          {t('people.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('people.intro')}
        </Text>
      </div>
      {platformAdmin && (
        <QueryState query={organizations}>
          {(data) => (
            <OrganizationPicker
              organizations={data}
              value={organizationId}
              onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })}
            />
          )}
        </QueryState>
      )}
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
        <Text>{t('people.noOrganizationChosen')}</Text>
      )}
    </Stack>
  );
}
