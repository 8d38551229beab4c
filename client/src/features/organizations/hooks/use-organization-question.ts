import { useMe } from '../../account/hooks/use-me';
import { useOrganizations } from './use-organizations';

/**
 * Whether to ask the signed-in person which organisation they belong to before they accept an invitation:
 * only when they have none, have asked none, and no organisation has their e-mail's domain (the server
 * places those by itself). Undefined while that is not known yet.
 */
export function useOrganizationQuestion(): boolean | undefined {
  const me = useMe();
  const person = me.data;
  const needsDirectory = person !== undefined && person.organization === null && person.unconfirmedOrganization === null;
  const organizations = useOrganizations(needsDirectory);
  if (!person) return undefined;
  if (!needsDirectory) return false;
  if (!organizations.data) return organizations.isError ? false : undefined;
  const domain = person.user.email.slice(person.user.email.lastIndexOf('@') + 1);
  return !organizations.data.some((organization) => organization.domains.includes(domain));
}
