import { Injectable, StreamableFile } from '@nestjs/common';
import { CASE_STAGES, EXPLOITATION_TYPES, readsCaseStatistics, type CaseStatisticDimension, type CaseStatisticsDto } from '@enlace/shared';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AppError } from '../common/errors/app-error.js';
import { StatisticsRepository } from './statistics.repository.js';
import { suppressSmallCounts, type Cell } from './suppression.js';

/** Dimensions with a fixed set of values list every one, a zero included, so an absent row reveals nothing either. */
const FIXED_KEYS: Partial<Record<CaseStatisticDimension, readonly string[]>> = { stage: CASE_STAGES, exploitationType: EXPLOITATION_TYPES };

/** A CSV field: quoted, and a leading formula character neutralised so a spreadsheet never runs a jurisdiction's name. */
const csvField = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`;

/**
 * The national recording system's figures: counts of every case of the hub by stage, exploitation type,
 * jurisdiction or month, never a count below 5 (see suppression.ts). No case, person or organisation is named.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly statistics: StatisticsRepository) {}

  async table(auth: AuthUser, by: CaseStatisticDimension): Promise<CaseStatisticsDto> {
    const kind = auth.organizationId === null ? undefined : await this.statistics.organizationKind(auth.organizationId);
    if (!readsCaseStatistics(kind)) throw new AppError('FORBIDDEN', 'Case statistics are for members of government and civil-society organisations');
    const { cells, total } = await this.statistics.counts(by);
    const fixed = FIXED_KEYS[by];
    const complete: Cell[] = fixed ? fixed.map((key) => ({ key, count: cells.find((cell) => cell.key === key)?.count ?? 0 })) : cells;
    // A dimension listed in full shows its zeros; the others list a value only when it has a case.
    return { by, ...suppressSmallCounts(complete, total, fixed ? 0 : 1) };
  }

  async csv(auth: AuthUser, by: CaseStatisticDimension): Promise<StreamableFile> {
    const { cells, total } = await this.table(auth, by);
    const lines = [[by, 'cases'], ...cells.map((cell) => [cell.key ?? '', String(cell.count)]), ['total', String(total)]];
    return new StreamableFile(Buffer.from(lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n', 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="cases-by-${by}.csv"`,
    });
  }
}
