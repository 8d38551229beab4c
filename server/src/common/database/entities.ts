import { OrganizationEntity } from '../../accounts/organization.entity.js';
import { RefreshTokenEntity } from '../../accounts/refresh-token.entity.js';
import { UserEntity } from '../../accounts/user.entity.js';

export const entities = [OrganizationEntity, UserEntity, RefreshTokenEntity];
