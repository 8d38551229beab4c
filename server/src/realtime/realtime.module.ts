import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuthGuard } from '../common/auth/auth.guard.js';
import { EventsModule } from '../events/events.module.js';
import { AccessModule } from '../workspaces/access.module.js';
import { EventFanout } from './event-fanout.js';
import { EventRelay } from './event-relay.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AccountsModule, AccessModule, EventsModule],
  providers: [RealtimeGateway, EventFanout, EventRelay, AuthGuard],
})
export class RealtimeModule {}
