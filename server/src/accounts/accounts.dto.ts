import { CreateOrganizationSchema, CreateUserSchema, LoginSchema, UpdateUserSchema, type OrganizationDto, type UserDto } from '@enlace/shared';
import { z } from 'zod';
import { zodDto } from '../common/validation/zod-dto.js';
import type { OrganizationEntity } from './organization.entity.js';
import type { UserEntity } from './user.entity.js';

export class CreateOrganizationDto extends zodDto('CreateOrganization', CreateOrganizationSchema) {}
export class CreateUserDto extends zodDto('CreateUser', CreateUserSchema) {}
export class LoginDto extends zodDto('Login', LoginSchema) {}
export class UpdateUserDto extends zodDto('UpdateUser', UpdateUserSchema) {}
export class PageQueryDto extends zodDto(
  'PageQuery',
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional(),
  }),
) {}

export function mapOrganization(org: OrganizationEntity): OrganizationDto {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    country: org.country,
    jurisdiction: org.jurisdiction,
    createdAt: org.createdAt.toISOString(),
  };
}

export function mapUser(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organizationId: user.organizationId,
    orgRole: user.orgRole,
    platformAdmin: user.platformAdmin,
    locale: user.locale,
    disabled: user.disabledAt !== null,
  };
}
