import { OrganizationEntity } from '../../accounts/organization.entity.js';
import { RefreshTokenEntity } from '../../accounts/refresh-token.entity.js';
import { UserEntity } from '../../accounts/user.entity.js';
import { BoardEntity, CardEntity, ColumnEntity, CommentEntity, LabelEntity } from '../../boards/board.entities.js';
import { WorkspaceEventEntity } from '../../events/workspace-event.entity.js';
import { InvitationEntity } from '../../invitations/invitation.entity.js';
import { WorkspaceMemberEntity } from '../../workspaces/workspace-member.entity.js';
import { WorkspaceEntity } from '../../workspaces/workspace.entity.js';

export const entities = [OrganizationEntity, UserEntity, RefreshTokenEntity, WorkspaceEntity, WorkspaceMemberEntity, InvitationEntity, WorkspaceEventEntity, BoardEntity, ColumnEntity, LabelEntity, CardEntity, CommentEntity];
