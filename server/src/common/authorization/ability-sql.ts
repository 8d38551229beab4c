import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, Subject } from '@enlace/shared';

export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
}

interface Node {
  operator: string;
  field?: string;
  value: unknown;
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>' };

/**
 * Turns what an ability allows into a SQL condition, so list queries fetch only what the caller may
 * see. Fails closed: an unmapped field or an operator it does not know throws instead of widening.
 */
export function abilityWhere(ability: AppAbility, action: Action, subjectType: Subject, columns: Record<string, string>, paramPrefix = 'ab'): SqlFragment {
  const ast = rulesToAST(ability, action, subjectType) as Node | null;
  if (!ast) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const param = (value: unknown) => {
    const name = `${paramPrefix}${Object.keys(params).length}`;
    params[name] = value;
    return name;
  };
  const toSql = (node: Node): string => {
    if (node.operator === 'and' || node.operator === 'or') {
      const parts = (node.value as Node[]).map(toSql);
      if (parts.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
      return `(${parts.join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
    }
    if (node.operator === 'not') return `NOT ${toSql(node.value as Node)}`;
    const column = node.field !== undefined ? columns[node.field] : undefined;
    if (!column) throw new Error(`abilityWhere: no column for field "${String(node.field)}"`);
    if (node.operator === 'in' || node.operator === 'nin') {
      const values = node.value as unknown[];
      if (values.length === 0) return node.operator === 'in' ? 'FALSE' : 'TRUE';
      return `${column} ${node.operator === 'in' ? 'IN' : 'NOT IN'} (:...${param(values)})`;
    }
    const comparison = COMPARISONS[node.operator];
    if (!comparison) throw new Error(`abilityWhere: unsupported operator "${node.operator}"`);
    return `${column} ${comparison} :${param(node.value)}`;
  };
  return { sql: toSql(ast), params };
}
