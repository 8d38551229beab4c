import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { TextSchema } from './fields.js';

export const ORGANIZATION_KINDS = ['central_government', 'local_government', 'civil_society', 'international'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORG_ROLES = ['org_admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const LOCALES = ['en', 'es', 'pt', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN_LENGTH = 12;

/** Passwords are long rather than complex (NIST SP 800-63B); the upper bound caps hashing cost. */
export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);
export const EmailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

export const CreateOrganizationSchema = z
  .strictObject({
    name: TextSchema.trim().min(2).max(200),
    kind: z.enum(ORGANIZATION_KINDS),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. AR'),
    jurisdiction: TextSchema.trim().min(1).max(200).optional(),
  })
  .refine((org) => org.kind === 'local_government' || org.jurisdiction === undefined, {
    message: 'Only local governments have a jurisdiction',
    path: ['jurisdiction'],
  });
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationSchema>;

export const CreateUserSchema = z.strictObject({
  email: EmailSchema,
  displayName: TextSchema.trim().min(1).max(120),
  password: PasswordSchema,
  orgRole: z.enum(ORG_ROLES),
  locale: z.enum(LOCALES).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const LoginSchema = z.strictObject({
  email: EmailSchema,
  // Only bounded here: a login must not reveal the password policy of an account.
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/** What an administrator changes on an account. A disabled account cannot sign in and loses every session at once. */
export const UpdateUserSchema = z.strictObject({
  disabled: z.boolean(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const OrganizationSchema = named(
  'OrganizationDto',
  z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    country: z.string(),
    jurisdiction: z.string().nullable(),
    createdAt: Timestamp,
  }),
);
export type OrganizationDto = z.infer<typeof OrganizationSchema>;

export const UserSchema = named(
  'UserDto',
  z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    organizationId: z.uuid().nullable(),
    orgRole: z.enum(ORG_ROLES),
    platformAdmin: z.boolean(),
    locale: z.enum(LOCALES).nullable(),
    /** A disabled account cannot sign in; an administrator may enable it again. */
    disabled: z.boolean(),
  }),
);
export type UserDto = z.infer<typeof UserSchema>;

export const MembershipSummarySchema = named('MembershipSummaryDto', z.object({ workspaceId: z.uuid(), role: z.string() }));
export type MembershipSummaryDto = z.infer<typeof MembershipSummarySchema>;

export const MeSchema = named(
  'MeDto',
  z.object({ user: UserSchema, organization: OrganizationSchema.nullable(), memberships: z.array(MembershipSummarySchema) }),
);
export type MeDto = z.infer<typeof MeSchema>;

export const LoginResponseSchema = named('LoginResponseDto', z.object({ accessToken: z.string(), user: UserSchema }));
export type LoginResponseDto = z.infer<typeof LoginResponseSchema>;

export const OrganizationPageSchema = pageOf('OrganizationPage', OrganizationSchema);
export const UserPageSchema = pageOf('UserPage', UserSchema);

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
