import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session';
import { useOrganizations } from '../../organizations/hooks/use-organizations';

/** Every organisation but the caller's own, as choices: a case is referred to another organisation. */
export function useRecipientOptions(): Array<{ value: string; label: string }> {
  const { t } = useTranslation();
  const session = useSession();
  const own = session.status === 'signed-in' ? session.user.organizationId : null;
  const organizations = useOrganizations();
  return (organizations.data ?? [])
    .filter((organization) => organization.id !== own)
    .map((organization) => ({ value: organization.id, label: t('cases.organizationOption', { name: organization.name, country: organization.country }) }));
}
