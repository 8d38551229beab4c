import type { AppAbility, UserDto } from '@enlace/shared';

/**
 * Whether the referral inbox exists for this person: an admin of an organisation, as the server decides
 * (incoming referrals are an organisation's, not a workspace's, so no workspace rule says it).
 */
export const canUseReferralInbox = (_ability: AppAbility, user: UserDto | null): boolean => user?.orgRole === 'org_admin' && user.organizationId !== null;
