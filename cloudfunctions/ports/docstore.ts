/**
 * DocStore: the part of the CloudBase document database the code relies on, and nothing
 * more, so the SQLite adapter can honour all of it. Shaped by CloudBase's limits:
 * - a query returns at most MAX_LIMIT rows (default DEFAULT_LIMIT);
 * - transactions hold single-document operations only (no queries inside);
 * - `add` with an existing `_id` fails, which is how "one per person" is enforced.
 */

export type Scalar = string | number | boolean | null;

export interface Doc {
  _id: string;
  [field: string]: unknown;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type CondOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin';

/** A comparison in a `where`. A class (not a plain object) so user data can never forge one. */
export class Cond {
  constructor(
    readonly op: CondOp,
    readonly value: Scalar | Scalar[],
  ) {}
}

type UpdateKind = 'inc' | 'push' | 'remove';

/** An update operator, as `db.command.inc` / `push` / `remove` in CloudBase. */
export class UpdateOp {
  constructor(
    readonly kind: UpdateKind,
    readonly value?: number | unknown[],
  ) {}
}

export const cmd = {
  eq: (v: Scalar) => new Cond('eq', v),
  neq: (v: Scalar) => new Cond('neq', v),
  gt: (v: string | number) => new Cond('gt', v),
  gte: (v: string | number) => new Cond('gte', v),
  lt: (v: string | number) => new Cond('lt', v),
  lte: (v: string | number) => new Cond('lte', v),
  in: (v: Scalar[]) => new Cond('in', v),
  nin: (v: Scalar[]) => new Cond('nin', v),
  inc: (n: number) => new UpdateOp('inc', n),
  push: (...values: unknown[]) => new UpdateOp('push', values),
  remove: () => new UpdateOp('remove'),
};

/**
 * Field (dotted paths allowed) → value for equality, a Cond, or several Conds that must all
 * hold (e.g. a range: `[cmd.gte(a), cmd.lt(b)]`).
 */
export type Where = Record<string, Scalar | Cond | Cond[]>;

/** Field (dotted paths allowed) → new value, or an UpdateOp. */
export type Patch = Record<string, unknown>;

export interface Query {
  where?: Where;
  /** Ties are always broken by `_id`, so paging with skip is stable. */
  orderBy?: [field: string, direction: 'asc' | 'desc'][];
  /** Defaults to DEFAULT_LIMIT; anything above MAX_LIMIT is capped. */
  limit?: number;
  skip?: number;
}

export interface Collection<T extends Doc = Doc> {
  get(id: string): Promise<T | null>;
  /** Inserts; fails with StoreError CONFLICT when `_id` exists. Returns the id. */
  add(doc: Omit<T, '_id'> & { _id?: string }): Promise<string>;
  /**
   * Inserts many documents, each with its `_id`, in few round trips (CloudBase inserts an
   * array in one request). In order: at the first `_id` that exists it fails with CONFLICT;
   * the documents before it are inserted, those after it are not. Not a transaction.
   */
  addMany(docs: (Omit<T, '_id'> & { _id: string })[]): Promise<void>;
  /** Creates or replaces the whole document. */
  set(id: string, doc: Omit<T, '_id'>): Promise<void>;
  /** Applies the patch atomically. Returns false when the document does not exist. */
  update(id: string, patch: Patch): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  find(query?: Query): Promise<T[]>;
  count(where?: Where): Promise<number>;
}

/** Single-document operations, all committed together or not at all. */
export interface Transaction {
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>;
  add(collection: string, doc: Doc): Promise<void>;
  set(collection: string, id: string, doc: Omit<Doc, '_id'>): Promise<void>;
  /** Fails with StoreError NOT_FOUND when the document does not exist. */
  update(collection: string, id: string, patch: Patch): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface DocStore {
  collection<T extends Doc = Doc>(name: string): Collection<T>;
  /**
   * Runs `fn` and commits its writes atomically; throwing inside rolls everything back.
   * Like CloudBase, `fn` may be retried on a write conflict, so it must not have effects
   * outside the transaction.
   */
  transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R>;
  close?(): void;
}

export type StoreErrorCode = 'CONFLICT' | 'NOT_FOUND' | 'INVALID' | 'ABORTED' | 'UNAVAILABLE';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Field paths: dotted identifiers, never a prototype key. Shared by both adapters. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function assertFieldPath(field: string): void {
  if (!FIELD_PATH.test(field) || field.split('.').some((k) => FORBIDDEN_KEYS.has(k))) {
    throw new StoreError('INVALID', `bad field name: ${field.slice(0, 60)}`);
  }
}

/** A value a `where` may compare with: a scalar, never an object that could pose as an operator. */
export function assertScalar(value: unknown, field: string): void {
  if (value !== null && typeof value === 'object') {
    throw new StoreError('INVALID', `${field.slice(0, 60)}: only plain values can be compared`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new StoreError('INVALID', `${field.slice(0, 60)}: numbers must be finite`);
  }
}

export function isStoreError(e: unknown, code?: StoreErrorCode): e is StoreError {
  return e instanceof StoreError && (code === undefined || e.code === code);
}

/**
 * Every document a query matches, read MAX_LIMIT at a time: a single find stops at 1,000 on
 * CloudBase (and on SQLite, which honours the same limit), and a village's roster or a vote's
 * electorate runs to 3,000. Pages are stable because find breaks ties by `_id`.
 */
export async function readAll<T extends Doc>(collection: Collection<T>, query: Omit<Query, 'skip' | 'limit'> = {}): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await collection.find({ ...query, skip, limit: MAX_LIMIT });
    out.push(...page);
    if (page.length < MAX_LIMIT) return out;
  }
}
