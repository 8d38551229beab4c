/** An account's fixed terms: organisation kinds, roles, languages and the password policy's length. */
export const ORGANIZATION_KINDS = ['central_government', 'local_government', 'civil_society', 'international'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORG_ROLES = ['org_admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const LOCALES = ['en', 'es', 'pt', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN_LENGTH = 12;
