import { Injectable } from '@nestjs/common';
import { ASSIGNED_CARDS_LIMIT, type AssignedCardDto, type Page } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { abilityWhere } from '../common/authorization/ability-sql.js';
import { AccessService } from '../workspaces/access.service.js';
import { AssignedCardsRepository } from './assigned-cards.repository.js';

/** The start page's "assigned to me": scoped in SQL by the caller's ability, like every list. */
@Injectable()
export class AssignedCardsService {
  constructor(
    private readonly cards: AssignedCardsRepository,
    private readonly access: AccessService,
  ) {}

  async list(auth: AuthUser): Promise<Page<AssignedCardDto>> {
    const ability = await this.access.everywhere(auth);
    const where = abilityWhere(ability, 'read', 'Card', { workspaceId: 'c.workspace_id' }, 'mc');
    return { items: await this.cards.assignedTo(auth.id, where, ASSIGNED_CARDS_LIMIT) };
  }
}
