import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, Subject } from '@enlace/shared';

/** A WHERE condition with named parameters in TypeORM's query-builder style (`:p0`, `:...p1`). */
export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

/** The shape of a CASL rule's parsed conditions (a @ucast/mongo2js condition). */
interface ConditionNode {
  operator: string;
  field?: string;
  value: unknown;
}

type Scalar = string | number | boolean | bigint | Date;

const isScalar = (value: unknown): value is Scalar =>
  ['string', 'number', 'boolean', 'bigint'].includes(typeof value) || value instanceof Date;

/**
 * Turns what an ability allows into a SQL condition, so that list queries fetch only what the caller
 * may see and never filter in memory. `columns` maps each condition field to its SQL column, e.g.
 * `{ workspaceId: 'c.workspace_id', responsibleOrganizationId: 'c.responsible_organization_id' }`.
 *
 * No rule gives `FALSE`, an unconditional `can` gives `TRUE`. Fails closed: a field without a column,
 * an operator or a value it does not know throws rather than widening the query. Values only ever
 * travel as parameters, never in the SQL text.
 *
 * Results match CASL's own checks, NULLs included: a leaf is NULL only where CASL says false, and a
 * negation is written `(…) IS NOT TRUE`, so a `cannot` on a NULL column does not hide the row.
 */
export function abilityWhere(
  ability: AppAbility,
  action: Action,
  subjectType: Subject,
  columns: Record<string, string>,
  paramPrefix = 'p',
): SqlFragment {
  const params: Record<string, unknown> = {};
  const bind = (value: unknown): string => {
    const name = `${paramPrefix}${Object.keys(params).length}`;
    params[name] = value;
    return name;
  };

  const columnFor = (field: string | undefined): string => {
    const column = field !== undefined && Object.hasOwn(columns, field) ? columns[field] : undefined;
    if (!column) throw new Error(`abilityWhere(${action} ${subjectType}): no column for condition field "${String(field)}"`);
    return column;
  };
  const scalar = (node: ConditionNode): Scalar | null => {
    if (node.value === null || isScalar(node.value)) return node.value;
    throw new Error(`abilityWhere(${action} ${subjectType}): unsupported value for "${node.field}" ${node.operator}`);
  };
  /** Splits an `$in` / `$nin` list into its non-null values and whether it also lists null. */
  const list = (node: ConditionNode): { values: Scalar[]; withNull: boolean } => {
    const items: unknown = node.value;
    if (!Array.isArray(items) || !items.every((item) => item === null || isScalar(item))) {
      throw new Error(`abilityWhere(${action} ${subjectType}): unsupported list for "${node.field}" ${node.operator}`);
    }
    return { values: items.filter(isScalar), withNull: items.includes(null) };
  };

  const toSql = (node: ConditionNode): string => {
    switch (node.operator) {
      case 'and':
      case 'or':
        return join(node.operator, (node.value as ConditionNode[]).map(toSql));
      case 'not':
        return negate(join('and', (node.value as ConditionNode[]).map(toSql)));
      case 'eq': {
        const column = columnFor(node.field);
        const value = scalar(node);
        return value === null ? `${column} IS NULL` : `${column} = :${bind(value)}`;
      }
      case 'ne': {
        // CASL's $ne matches NULL, SQL's <> does not.
        const column = columnFor(node.field);
        const value = scalar(node);
        return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM :${bind(value)}`;
      }
      case 'in': {
        const column = columnFor(node.field);
        const { values, withNull } = list(node);
        const some = values.length > 0 ? `${column} IN (:...${bind(values)})` : undefined;
        if (!withNull) return some ?? 'FALSE';
        return some ? `(${some} OR ${column} IS NULL)` : `${column} IS NULL`;
      }
      case 'nin': {
        // CASL's $nin matches NULL unless the list names null; SQL's NOT IN never does.
        const column = columnFor(node.field);
        const { values, withNull } = list(node);
        const none = values.length > 0 ? `${column} NOT IN (:...${bind(values)})` : undefined;
        if (withNull) return none ? `(${column} IS NOT NULL AND ${none})` : `${column} IS NOT NULL`;
        return none ? `(${column} IS NULL OR ${none})` : 'TRUE';
      }
      default:
        throw new Error(`abilityWhere(${action} ${subjectType}): unsupported operator "${node.operator}"`);
    }
  };

  // CASL applies rules by priority: a `cannot` overrides the `can` rules below it. rulesToCondition
  // flattens that into "each can rule AND NOT every cannot above it", OR-ed together.
  const sql = rulesToCondition<AppAbility, string, string>(
    ability.rulesFor(action, subjectType),
    (rule) => {
      if (!rule.ast) throw new Error(`abilityWhere(${action} ${subjectType}): a rule's conditions could not be parsed`);
      const condition = toSql(rule.ast as ConditionNode);
      return rule.inverted ? negate(condition) : condition;
    },
    { and: (parts) => join('and', parts), or: (parts) => join('or', parts), empty: () => 'TRUE' },
  );
  return { sql: sql ?? 'FALSE', params };
}

function join(operator: 'and' | 'or', parts: string[]): string {
  if (parts.length === 0) return operator === 'and' ? 'TRUE' : 'FALSE';
  if (parts.length === 1) return parts[0];
  return `(${parts.join(operator === 'and' ? ' AND ' : ' OR ')})`;
}

/** NOT that treats NULL (unknown) as false, as CASL does, instead of propagating it. */
function negate(sql: string): string {
  return `(${sql}) IS NOT TRUE`;
}
