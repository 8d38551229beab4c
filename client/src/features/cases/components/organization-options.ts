import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../organizations/hooks/use-organizations';

/** Every organisation of the hub as a choice (a service's provider, a justice step's authority). */
export function useOrganizationOptions(): Array<{ value: string; label: string }> {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  return (organizations.data ?? []).map((organization) => ({ value: organization.id, label: t('cases.organizationOption', { name: organization.name, country: organization.country }) }));
}
