import { z } from 'zod';
import type { Locale } from './accounts.js';
import { named, pageOf, Timestamp } from './api-schema.js';
import type { OrganizationLawEnforcementSet, StageTemplateSet } from './stage-templates.js';

/**
 * How a person comes to belong to an organisation besides being created in it: by the verified e-mail
 * domains a platform administrator gives the organisation, or by asking to join it from the directory,
 * which the organisation's own administrators approve or reject. Nothing lets one organisation put
 * someone into another.
 */
export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export const JoinRequestSchema = named(
  'JoinRequestDto',
  z.object({
    id: z.uuid(),
    organizationId: z.uuid(),
    userId: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    status: z.enum(JOIN_REQUEST_STATUSES),
    createdAt: Timestamp,
    decidedAt: Timestamp.nullable(),
  }),
);
export type JoinRequestDto = z.infer<typeof JoinRequestSchema>;
export const JoinRequestPageSchema = pageOf('JoinRequestPage', JoinRequestSchema);

/** `POST /api/me/organization-request`: a person without an organisation asks one from the directory to confirm them. */
export const RequestOrganizationSchema = z.strictObject({
  organizationId: z.uuid(),
});
export type RequestOrganizationInput = z.infer<typeof RequestOrganizationSchema>;

/** Payload of `organization.domains_set`: the organisation's whole list after the change. */
export interface OrganizationDomainsSet {
  organizationId: string;
  domains: string[];
}

/** Payload of `organization.member_joined`: how a person without an organisation came to belong to one. */
export interface OrganizationMemberJoined {
  organizationId: string;
  userId: string;
  via: 'domain' | 'request';
}

/** Payload of `account.locale_changed`. */
export interface AccountLocaleChanged {
  userId: string;
  locale: Locale;
}

/** Who may read a platform event's payload: the platform's administrators, and those of the organisation it is about. */
export type PlatformEventReaders = 'platform_admins' | 'organization_admins';

export interface PlatformEventSpec<P> {
  entityType: 'organization' | 'join_request' | 'account';
  readers: PlatformEventReaders;
  readonly payload?: P;
}

const platformSpec =
  <P>() =>
  (entityType: PlatformEventSpec<P>['entityType'], readers: PlatformEventReaders): PlatformEventSpec<P> => ({ entityType, readers });

/**
 * The platform-level log's catalogue: account and organisation changes, appended in the transaction of the
 * change to a log of the workspace log's form (gap-free seq, hash chain). `readers` says whose business the
 * payload is; the log has no read route yet (audit reads it in the database).
 */
export const PLATFORM_EVENT_CATALOGUE = {
  'organization.domains_set': platformSpec<OrganizationDomainsSet>()('organization', 'platform_admins'),
  'organization.join_requested': platformSpec<JoinRequestDto>()('join_request', 'organization_admins'),
  'organization.join_approved': platformSpec<JoinRequestDto>()('join_request', 'organization_admins'),
  'organization.join_rejected': platformSpec<JoinRequestDto>()('join_request', 'organization_admins'),
  'organization.join_withdrawn': platformSpec<JoinRequestDto>()('join_request', 'organization_admins'),
  'organization.member_joined': platformSpec<OrganizationMemberJoined>()('organization', 'organization_admins'),
  'account.locale_changed': platformSpec<AccountLocaleChanged>()('account', 'platform_admins'),
  'organization.law_enforcement_set': platformSpec<OrganizationLawEnforcementSet>()('organization', 'platform_admins'),
  'organization.stage_template_set': platformSpec<StageTemplateSet>()('organization', 'organization_admins'),
} as const;

type PlatformCatalogue = typeof PLATFORM_EVENT_CATALOGUE;
export type PlatformEventType = keyof PlatformCatalogue;
export type PlatformEventPayload<T extends PlatformEventType> = PlatformCatalogue[T] extends PlatformEventSpec<infer P> ? P : never;
