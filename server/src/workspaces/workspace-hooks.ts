import { Injectable } from '@nestjs/common';
import type { Locale, WorkspaceKind } from '@enlace/shared';
import type { Tx } from '../events/unit-of-work.js';
import type { WorkspaceEntity } from './workspace.entity.js';
import type { MemberRow } from './workspaces.repository.js';

/**
 * What a new workspace gets in its creating transaction. `locale` is the creator's request language;
 * `details` is what a kind's own creation route (e.g. `POST /api/agreements`) passed for its record,
 * undefined when the workspace comes from the generic `POST /api/workspaces`.
 */
export interface WorkspaceCreation {
  tx: Tx;
  workspace: WorkspaceEntity;
  locale: Locale;
  details?: unknown;
}
export type WorkspaceSetup = (creation: WorkspaceCreation) => Promise<void>;
export type MemberRemoval = (tx: Tx, member: MemberRow) => Promise<void>;

/**
 * The plug-in points through which other domains extend workspaces without WorkspacesModule knowing
 * them: a board for every new workspace, a case or agreement record for a workspace of that kind, the
 * invitations a removed member still had. Each runs inside the transaction of the change.
 */
@Injectable()
export class WorkspaceHooks {
  private readonly setups: Array<{ kinds: readonly WorkspaceKind[] | 'all'; setup: WorkspaceSetup }> = [];
  private readonly removals: MemberRemoval[] = [];

  /** Runs `setup` for every new workspace of one of `kinds` (every kind by default), in registration order. */
  onCreate(setup: WorkspaceSetup, kinds: readonly WorkspaceKind[] | 'all' = 'all'): void {
    this.setups.push({ kinds, setup });
  }

  onMemberRemoved(removal: MemberRemoval): void {
    this.removals.push(removal);
  }

  async created(creation: WorkspaceCreation): Promise<void> {
    for (const { kinds, setup } of this.setups) {
      if (kinds === 'all' || kinds.includes(creation.workspace.kind)) await setup(creation);
    }
  }

  async memberRemoved(tx: Tx, member: MemberRow): Promise<void> {
    for (const removal of this.removals) await removal(tx, member);
  }
}
