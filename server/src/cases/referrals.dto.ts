import type { ConsentDto, IncomingReferralDto, ReferralDto } from '@enlace/shared';
import type { ConsentRow, IncomingReferralRow, ReferralRow } from './referrals.repository.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const mapConsent = (row: ConsentRow): ConsentDto => ({ ...row, recordedAt: row.recordedAt.toISOString(), revokedAt: iso(row.revokedAt) });

export const mapReferral = (row: ReferralRow): ReferralDto => ({ ...row, createdAt: row.createdAt.toISOString(), decidedAt: iso(row.decidedAt), completedAt: iso(row.completedAt) });

export const mapIncoming = (row: IncomingReferralRow): IncomingReferralDto => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  decidedAt: iso(row.decidedAt),
  completedAt: iso(row.completedAt),
});
