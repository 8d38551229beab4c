import { ACCOUNTS_ENTITIES, AccountsModule } from './accounts/accounts.module.js';
import { AGREEMENTS_ENTITIES, AgreementsModule } from './agreements/agreements.module.js';
import { BOARDS_ENTITIES, BoardsModule } from './boards/boards.module.js';
import { CASES_ENTITIES, CasesModule } from './cases/cases.module.js';
import { EVENTS_ENTITIES, EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { INVITATIONS_ENTITIES, InvitationsModule } from './invitations/invitations.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { WORKSPACES_ENTITIES, WorkspacesModule } from './workspaces/workspaces.module.js';

/** Every domain module of the app: adding a domain is adding its module here and its entities below (README, "Adding a domain"). */
export const DOMAIN_MODULES = [AccountsModule, EventsModule, WorkspacesModule, InvitationsModule, BoardsModule, AgreementsModule, CasesModule, RealtimeModule, HealthModule];

/** The TypeORM entities each domain module declares as its own. */
export const ENTITIES = [...ACCOUNTS_ENTITIES, ...WORKSPACES_ENTITIES, ...INVITATIONS_ENTITIES, ...EVENTS_ENTITIES, ...BOARDS_ENTITIES, ...AGREEMENTS_ENTITIES, ...CASES_ENTITIES];
