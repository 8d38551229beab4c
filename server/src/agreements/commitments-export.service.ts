import { pipeline, Readable } from 'node:stream';
import { Injectable, StreamableFile } from '@nestjs/common';
import { isOverdue, type CommitmentExportQuery, type Locale } from '@enlace/shared';
import { stringify } from 'csv-stringify';
import { abilityWhere } from '../common/authorization/ability-sql.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AccessService } from '../workspaces/access.service.js';
import { todayUtc } from './agreements.dto.js';
import { portfolioConditions } from './agreements.repository.js';
import { EXPORT_COLUMNS, EXPORT_LABELS, type ExportColumn } from './commitments-export.labels.js';
import { CommitmentsRepository, type ExportRow } from './commitments.repository.js';

/** Commitments read from the database per batch, so a large portfolio streams out in constant memory. */
const BATCH = 500;

/** A spreadsheet would run a cell starting with one of these as a formula: quote it. */
const guarded = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The portfolio's commitments as CSV, one row per indicator, with its latest reported and latest
 * verified measurement: only commitments the caller may read, in the caller's language, streamed.
 */
@Injectable()
export class CommitmentsExportService {
  constructor(
    private readonly commitments: CommitmentsRepository,
    private readonly access: AccessService,
  ) {}

  async export(auth: AuthUser, query: CommitmentExportQuery, locale: Locale): Promise<StreamableFile> {
    const ability = await this.access.everywhere(auth);
    const readable = abilityWhere(ability, 'read', 'Commitment', { workspaceId: 'c.agreement_id' }, 'cm');
    const { conditions, params, where } = portfolioConditions({ ...query, readable });
    if (query.agreementId) where('a.workspace_id = :agreementId', 'agreementId', query.agreementId);
    const labels = EXPORT_LABELS[locale];
    const today = todayUtc();
    const commitments = this.commitments;
    async function* rows(): AsyncGenerator<string[]> {
      let after: { agreementId: string; commitmentId: string } | undefined;
      for (;;) {
        const batch = await commitments.exportBatch(conditions, params, BATCH, after);
        for (const row of batch) yield cells(row);
        const last = batch.at(-1);
        if (!last || new Set(batch.map((row) => row.commitmentId)).size < BATCH) return;
        after = { agreementId: last.agreementId, commitmentId: last.commitmentId };
      }
    }
    const cells = (row: ExportRow): string[] => {
      const values: Record<ExportColumn, string> = {
        agreement: guarded(row.agreement),
        referenceCode: guarded(row.referenceCode ?? ''),
        agreementStatus: labels.agreementStatus[row.agreementStatus],
        commitment: guarded(row.commitment),
        responsible: guarded(row.responsible),
        area: labels.area[row.area],
        status: labels.commitmentStatus[row.status],
        dueOn: row.dueOn ?? '',
        overdue: isOverdue(row, today) ? labels.yes : labels.no,
        indicator: guarded(row.indicator ?? ''),
        unit: guarded(row.unit ?? ''),
        baseline: number(row.baseline),
        target: number(row.target),
        reportedValue: number(row.reportedValue),
        reportedPeriodEnd: row.reportedPeriodEnd ?? '',
        verifiedValue: number(row.verifiedValue),
        verifiedPeriodEnd: row.verifiedPeriodEnd ?? '',
      };
      return EXPORT_COLUMNS.map((column) => values[column]);
    };
    // A failure half-way destroys the response stream, so a cut-off file never looks complete.
    const csv = pipeline(Readable.from(rows()), stringify({ bom: true, header: true, columns: EXPORT_COLUMNS.map((column) => labels.columns[column]) }), () => undefined);
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="commitments-${today}.csv"` });
  }
}

const number = (value: number | null): string => (value === null ? '' : String(value));
