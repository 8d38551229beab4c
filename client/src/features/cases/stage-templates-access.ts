import { subject } from '@casl/ability';
import type { AppAbility, UserDto } from '@enlace/shared';

/** Whether the Case procedure page exists for this person: the shared rules let them adapt their organisation's stage templates. */
export const canAdaptStageTemplates = (ability: AppAbility, user: UserDto | null): boolean =>
  user?.organizationId != null && ability.can('update', subject('StageTemplate', { organizationId: user.organizationId }));
