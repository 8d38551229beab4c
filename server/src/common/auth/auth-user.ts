import type { OrgRole } from '@enlace/shared';

/** Who is calling, as loaded from the database on every request (a disabled account stops at once). */
export interface AuthUser {
  id: string;
  email: string;
  organizationId: string | null;
  orgRole: OrgRole;
  platformAdmin: boolean;
}
