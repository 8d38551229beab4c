import {
  ChangePasswordSchema,
  ConfirmTwoFactorSchema,
  CreateOrganizationSchema,
  CreateUserSchema,
  ForgotPasswordSchema,
  LoginSchema,
  MfaLoginSchema,
  RemoveTwoFactorSchema,
  RequestOrganizationSchema,
  ResetPasswordSchema,
  UpdateMeSchema,
  UpdateOrganizationSchema,
  UpdateUserSchema,
  type OrganizationDto,
  type UserDto,
} from '@enlace/shared';
import { zodDto } from '../common/validation/zod-dto.js';
import type { OrganizationEntity } from './organization.entity.js';
import type { UserEntity } from './user.entity.js';

export class CreateOrganizationDto extends zodDto('CreateOrganizationDto', CreateOrganizationSchema) {}
export class CreateUserDto extends zodDto('CreateUserDto', CreateUserSchema) {}
export class LoginDto extends zodDto('LoginDto', LoginSchema) {}
export class UpdateUserDto extends zodDto('UpdateUserDto', UpdateUserSchema) {}
export class UpdateOrganizationDto extends zodDto('UpdateOrganizationDto', UpdateOrganizationSchema) {}
export class MfaLoginDto extends zodDto('MfaLoginDto', MfaLoginSchema) {}
export class ConfirmTwoFactorDto extends zodDto('ConfirmTwoFactorDto', ConfirmTwoFactorSchema) {}
export class RemoveTwoFactorDto extends zodDto('RemoveTwoFactorDto', RemoveTwoFactorSchema) {}
export class ForgotPasswordDto extends zodDto('ForgotPasswordDto', ForgotPasswordSchema) {}
export class ResetPasswordDto extends zodDto('ResetPasswordDto', ResetPasswordSchema) {}
export class ChangePasswordDto extends zodDto('ChangePasswordDto', ChangePasswordSchema) {}
export class UpdateMeDto extends zodDto('UpdateMeDto', UpdateMeSchema) {}
export class RequestOrganizationDto extends zodDto('RequestOrganizationDto', RequestOrganizationSchema) {}

/** `domains` are the organisation's verified e-mail domains (AffiliationRepository.domainsOf). */
export function mapOrganization(org: OrganizationEntity, domains: string[] = []): OrganizationDto {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    country: org.country,
    jurisdiction: org.jurisdiction,
    requireTwoFactor: org.requireTwoFactor,
    domains,
    lawEnforcement: org.lawEnforcement,
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
