import { z } from 'zod';
import { named, pageOf, Timestamp } from './api-schema.js';
import { LOCALES, ORG_ROLES, ORGANIZATION_KINDS, PASSWORD_MIN_LENGTH } from './account-terms.js';
import { TextSchema } from './fields.js';

// The terms live apart from the schemas, so the client's first page can use them without loading zod.
export * from './account-terms.js';

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

/** An e-mail domain, as the part after the @ of an address: lower-cased, at least two labels. */
export const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'A domain such as ministerio.gob.ar');

/**
 * What a platform administrator changes on an organisation: whether its people must use a second factor,
 * whether it is a law-enforcement one, and its verified e-mail domains (the whole list; an account whose
 * e-mail is at one of them belongs to it).
 */
export const UpdateOrganizationSchema = z
  .strictObject({
    requireTwoFactor: z.boolean().optional(),
    domains: z.array(DomainSchema).max(20).optional(),
    /** Police or prosecutors: their people read a case's assistance track only with an owner's grant. */
    lawEnforcement: z.boolean().optional(),
  })
  .refine((body) => body.requireTwoFactor !== undefined || body.domains !== undefined || body.lawEnforcement !== undefined, { message: 'Nothing to change' });
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationSchema>;

export const OrganizationSchema = named(
  'OrganizationDto',
  z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    country: z.string(),
    jurisdiction: z.string().nullable(),
    /** Its people must enrol a second factor before doing anything else. */
    requireTwoFactor: z.boolean(),
    /** Verified e-mail domains: an account whose e-mail is at one of them belongs to it. */
    domains: z.array(z.string()),
    /** Police or prosecutors (platform administrators set it): their people read a case's assistance track only with an owner's grant. */
    lawEnforcement: z.boolean(),
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

/**
 * An organisation a person asked to join (from the directory, when accepting an invitation) that its admins
 * have not confirmed yet: shown beside the person's name as "unconfirmed", never as their organisation.
 */
export const UnconfirmedOrganizationSchema = named('UnconfirmedOrganizationDto', z.object({ id: z.uuid(), name: z.string() }));
export type UnconfirmedOrganizationDto = z.infer<typeof UnconfirmedOrganizationSchema>;

export const MembershipSummarySchema = named('MembershipSummaryDto', z.object({ workspaceId: z.uuid(), role: z.string() }));
export type MembershipSummaryDto = z.infer<typeof MembershipSummarySchema>;

export const MeSchema = named(
  'MeDto',
  z.object({
    user: UserSchema,
    organization: OrganizationSchema.nullable(),
    /** Set while the caller, without an organisation, waits for one to confirm them. */
    unconfirmedOrganization: UnconfirmedOrganizationSchema.nullable(),
    memberships: z.array(MembershipSummarySchema),
    twoFactorEnabled: z.boolean(),
    /** Signed in, but every other route answers TWO_FACTOR_REQUIRED until a second factor is enrolled. */
    mustEnrolTwoFactor: z.boolean(),
  }),
);
export type MeDto = z.infer<typeof MeSchema>;

export const LoginResponseSchema = named(
  'LoginResponseDto',
  z.object({
    accessToken: z.string(),
    user: UserSchema,
    /** See MeDto.mustEnrolTwoFactor. */
    mustEnrolTwoFactor: z.boolean(),
  }),
);
export type LoginResponseDto = z.infer<typeof LoginResponseSchema>;

/** The password was right and the account has a second factor: no session yet, the code comes next. */
export const MfaChallengeSchema = named(
  'MfaChallengeDto',
  z.object({
    mfaRequired: z.literal(true),
    /** Short-lived and signed; sent back with the code to `POST /api/auth/login/mfa`. */
    challenge: z.string(),
  }),
);
export type MfaChallengeDto = z.infer<typeof MfaChallengeSchema>;

/** What a password sign-in answers: a session, or the challenge for the second factor (`mfaRequired: true`). */
export const LoginResultSchema = named('LoginResultDto', z.union([LoginResponseSchema, MfaChallengeSchema]));
export type LoginResultDto = z.infer<typeof LoginResultSchema>;

export const OrganizationPageSchema = pageOf('OrganizationPage', OrganizationSchema);
export const UserPageSchema = pageOf('UserPage', UserSchema);

/** A six-digit authenticator code or a recovery code (xxxxx-xxxxx); spaces and dashes are the user's. */
export const SecondFactorCodeSchema = TextSchema.trim().min(6).max(32);

export const MfaLoginSchema = z.strictObject({
  challenge: z.string().min(1).max(2000),
  code: SecondFactorCodeSchema,
});
export type MfaLoginInput = z.infer<typeof MfaLoginSchema>;

export const ConfirmTwoFactorSchema = z.strictObject({
  code: SecondFactorCodeSchema,
});
export type ConfirmTwoFactorInput = z.infer<typeof ConfirmTwoFactorSchema>;

/** Removing the second factor takes a current code or the password, so an unattended session cannot do it. */
export const RemoveTwoFactorSchema = z
  .strictObject({
    code: SecondFactorCodeSchema.optional(),
    password: z.string().min(1).max(256).optional(),
  })
  .refine((input) => input.code !== undefined || input.password !== undefined, { message: 'A code or the password is needed', path: ['code'] });
export type RemoveTwoFactorInput = z.infer<typeof RemoveTwoFactorSchema>;

/** An enrolment started: the secret to type or the otpauth URI to scan; active once confirmed with a code. */
export const TwoFactorEnrolmentSchema = named('TwoFactorEnrolmentDto', z.object({ secret: z.string(), uri: z.string() }));
export type TwoFactorEnrolmentDto = z.infer<typeof TwoFactorEnrolmentSchema>;

/** Shown once, at confirmation: each signs in once instead of a code. */
export const RecoveryCodesSchema = named('RecoveryCodesDto', z.object({ recoveryCodes: z.array(z.string()) }));
export type RecoveryCodesDto = z.infer<typeof RecoveryCodesSchema>;

export const ForgotPasswordSchema = z.strictObject({
  email: EmailSchema,
});
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordSchema>;

export const ResetPasswordSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: PasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>;

/** What a person changes on their own account: the interface language, also that of their e-mails. */
export const UpdateMeSchema = z.strictObject({
  locale: z.enum(LOCALES),
});
export type UpdateMeInput = z.infer<typeof UpdateMeSchema>;

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: PasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** One open sign-in of the caller's account. */
export const SessionSchema = named(
  'SessionDto',
  z.object({
    id: z.uuid(),
    /** Browser and system, read from the User-Agent, e.g. "Firefox on Windows"; null when unknown. */
    device: z.string().nullable(),
    address: z.string().nullable(),
    createdAt: Timestamp,
    lastSeenAt: Timestamp,
    /** The session this request comes from. */
    current: z.boolean(),
  }),
);
export type SessionDto = z.infer<typeof SessionSchema>;

/** Every open session of the caller's account, the most recently used first. */
export const SessionListSchema = named('SessionList', z.array(SessionSchema));

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
