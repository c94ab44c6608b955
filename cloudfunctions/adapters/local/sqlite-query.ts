import { assertFieldPath, assertScalar, Cond, DEFAULT_LIMIT, MAX_LIMIT, StoreError, type Query, type Scalar, type Where } from '../../ports/docstore';

/**
 * The DocStore's queries as SQL over JSON documents: one table per collection, fields read with
 * json_extract in exactly the form the expression indexes are built on. Pure string building;
 * values always travel as bound parameters.
 */

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** The table holding a collection; the name is checked because it cannot be a bound parameter. */
export function table(name: string): string {
  if (!NAME.test(name)) throw new StoreError('INVALID', `bad collection name: ${name}`);
  return `"c_${name}"`;
}

/** The exact expression indexes are built on, so the planner can use them. */
export function fieldExpr(field: string): string {
  if (field === '_id') return 'id';
  assertFieldPath(field);
  return `json_extract(data, '$.${field}')`;
}

function typeExpr(field: string): string {
  return `json_type(data, '$.${field}')`;
}

/**
 * Only a string that starts like JSON text can equal what json_extract gives for an object or
 * array; any other string can only equal a JSON string (numbers and booleans come back as
 * numbers, which never equal text). Those need no type check, so a count can be answered from
 * the index alone without reading a single document.
 */
function looksLikeJson(v: string): boolean {
  return v.startsWith('[') || v.startsWith('{');
}

/**
 * json_extract turns true/false into 1/0 and objects/arrays into JSON text, so a bare `=` would
 * let `true` match 1 and a string match an array's text. Equality therefore also checks the
 * JSON type, which SQLite keeps separately.
 */
function eqSql(field: string, expr: string, v: string | number | boolean, params: unknown[]): string {
  // json_extract gives 1/0 for true/false: comparing it first lets an index on the field narrow
  // the rows; the type check then keeps a stored 1 from matching `true`.
  if (typeof v === 'boolean') return `(${expr} = ${v ? 1 : 0} AND ${typeExpr(field)} = '${v ? 'true' : 'false'}')`;
  params.push(v);
  if (field === '_id') return `${expr} = ?`;
  if (typeof v === 'string') return looksLikeJson(v) ? `(${expr} = ? AND ${typeExpr(field)} = 'text')` : `${expr} = ?`;
  return `(${expr} = ? AND ${typeExpr(field)} IN ('integer', 'real'))`;
}

function condSql(field: string, c: Cond, params: unknown[]): string {
  const expr = fieldExpr(field);
  const { op, value } = c;
  if (op === 'in' || op === 'nin') {
    const list = value as Scalar[];
    if (!Array.isArray(list)) throw new StoreError('INVALID', `${op} needs an array`);
    list.forEach((v) => {
      assertScalar(v, field);
    });
    if (list.length === 0) return op === 'in' ? '0' : '1';
    // All strings (the usual case: states, ids): one IN the planner can answer from an index.
    const strings = field !== '_id' && list.every((v) => typeof v === 'string');
    if (strings) params.push(...list);
    const any = strings
      ? `${expr} IN (${list.map(() => '?').join(', ')})${list.some((v) => looksLikeJson(v as string)) ? ` AND ${typeExpr(field)} = 'text'` : ''}`
      : list.map((v) => (v === null ? `${expr} IS NULL` : eqSql(field, expr, v, params))).join(' OR ');
    return op === 'in' ? `(${any})` : `NOT COALESCE((${any}), 0)`;
  }
  const v = value as Scalar;
  assertScalar(v, field);
  if (v === null) {
    if (op === 'eq') return `${expr} IS NULL`;
    if (op === 'neq') return `${expr} IS NOT NULL`;
    throw new StoreError('INVALID', `${op} cannot compare with null`);
  }
  if (op === 'eq') return eqSql(field, expr, v, params);
  if (op === 'neq') return `NOT COALESCE(${eqSql(field, expr, v, params)}, 0)`;
  if (typeof v === 'boolean') throw new StoreError('INVALID', `${op} cannot compare booleans`);
  params.push(v);
  switch (op) {
    case 'gt':
      return `${expr} > ?`;
    case 'gte':
      return `${expr} >= ?`;
    case 'lt':
      return `${expr} < ?`;
    default:
      return `${expr} <= ?`;
  }
}

export function whereSql(where: Where | undefined, params: unknown[]): string {
  if (!where) return '';
  const parts: string[] = [];
  for (const [field, value] of Object.entries(where)) {
    const conds = Array.isArray(value) ? value : [value instanceof Cond ? value : new Cond('eq', value)];
    for (const c of conds) {
      if (!(c instanceof Cond)) throw new StoreError('INVALID', `bad condition on ${field.slice(0, 60)}`);
      parts.push(condSql(field, c, params));
    }
  }
  return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 0), MAX_LIMIT);
}

/** A find as one SELECT: filter, the order asked for (then by id, so pages are stable), page. */
export function findSql(t: string, query: Query, params: unknown[]): string {
  let sql = `SELECT id, rev, data FROM ${t}${whereSql(query.where, params)}`;
  const order = (query.orderBy ?? []).map(([f, dir]) => {
    if (dir !== 'asc' && dir !== 'desc') throw new StoreError('INVALID', `bad order direction ${dir}`);
    return `${fieldExpr(f)} ${dir === 'asc' ? 'ASC' : 'DESC'}`;
  });
  if (!order.some((o) => o.startsWith('id '))) order.push('id ASC');
  sql += ` ORDER BY ${order.join(', ')}`;
  const limit = clampLimit(query.limit);
  const skip = Number.isFinite(query.skip) ? Math.max(Math.trunc(query.skip as number), 0) : 0;
  sql += ` LIMIT ${limit} OFFSET ${skip}`;
  return sql;
}
