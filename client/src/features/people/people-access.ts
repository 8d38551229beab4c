import type { AppAbility } from '@enlace/shared';

/** Whether the People page exists for this user: the shared rules let them see some organisation's accounts. */
export const canManagePeople = (ability: AppAbility): boolean => ability.can('read', 'User');
