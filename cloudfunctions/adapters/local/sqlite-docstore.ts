import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  assertFieldPath,
  assertScalar,
  Cond,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  StoreError,
  type Collection,
  type Doc,
  type DocStore,
  type Patch,
  type Query,
  type Scalar,
  type Transaction,
  type Where,
} from '../../ports/docstore';
import { applyPatch } from './patch';

/** Collection → the field lists that get an index (each list becomes one compound index). */
export type IndexSpec = Record<string, string[][]>;

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const MAX_TX_ATTEMPTS = 20;

type Row = { id: string; rev: number; data: string };

function table(name: string): string {
  if (!NAME.test(name)) throw new StoreError('INVALID', `bad collection name: ${name}`);
  return `"c_${name}"`;
}

/** The exact expression indexes are built on, so the planner can use them. */
function fieldExpr(field: string): string {
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
    list.forEach((v) => assertScalar(v, field));
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

function whereSql(where: Where | undefined, params: unknown[]): string {
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

function newId(): string {
  return randomBytes(16).toString('hex');
}

function parse<T>(row: Row | undefined): T | null {
  if (!row) return null;
  return { _id: row.id, ...JSON.parse(row.data) } as T;
}

function serialize(doc: Record<string, unknown>): string {
  const { _id: _ignored, ...rest } = doc;
  return JSON.stringify(rest);
}

/**
 * DocStore on better-sqlite3: one table per collection holding JSON documents, expression
 * indexes on the fields queries filter and sort by, WAL journal. Every single-document write
 * is one synchronous SQLite transaction, so concurrent requests in the host cannot interleave
 * inside it; multi-document transactions buffer their writes and commit them in one
 * IMMEDIATE transaction after checking nothing they read has changed (retrying if it has,
 * as CloudBase does).
 */
export class SqliteDocStore implements DocStore {
  readonly db: Database.Database;
  private readonly known = new Set<string>();
  /** Transactions of this process run one at a time, so they do not conflict with each other. */
  private txQueue: Promise<unknown> = Promise.resolve();
  private checkpoints: ReturnType<typeof setInterval> | null = null;
  /** Compiled statements by SQL text: preparing costs more than running a point read. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    file: string,
    private readonly indexes: IndexSpec = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    if (file !== ':memory:') {
      // Checkpoints copy the WAL back into the file and fsync twice. Left to SQLite they run
      // inside whichever commit crosses 1,000 pages — every hundred-odd votes, on the request's
      // time. Instead a timer checkpoints once a second, when pages rewritten many times
      // (a tally, an index's last page) are copied once. The WAL holds about a second of writes.
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpoints = setInterval(() => this.checkpoint(), 1000);
      // Node's timers can be told not to hold the process open; a browser-like test world's cannot.
      (this.checkpoints as { unref?: () => void }).unref?.();
    }
    for (const name of Object.keys(indexes)) this.ensure(name);
  }

  /** The compiled statement for `sql`, compiled once per connection. */
  prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      // Queries built from `where`s vary without bound; keep the cache from growing with them.
      if (this.statements.size >= 2000) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Creates the collection's table and indexes on first use. */
  ensure(name: string): string {
    const t = table(name);
    if (this.known.has(name)) return t;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID`,
    );
    for (const fields of this.indexes[name] ?? []) {
      const ixName = `"ix_${name}_${fields.join('_').replace(/\./g, '__')}"`;
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${ixName} ON ${t} (${fields.map(fieldExpr).join(', ')})`);
    }
    this.known.add(name);
    return t;
  }

  /** The document's revision (0 when absent), without reading the document. */
  rev(name: string, id: string): number {
    const t = this.ensure(name);
    const r = this.prepare(`SELECT rev FROM ${t} WHERE id = ?`).get(id) as { rev: number } | undefined;
    return r ? r.rev : 0;
  }

  row(name: string, id: string): Row | undefined {
    const t = this.ensure(name);
    return this.prepare(`SELECT id, rev, data FROM ${t} WHERE id = ?`).get(id) as Row | undefined;
  }

  insert(name: string, id: string, doc: Record<string, unknown>): void {
    const t = this.ensure(name);
    try {
      this.prepare(`INSERT INTO ${t} (id, rev, data) VALUES (?, 1, ?)`).run(id, serialize(doc));
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new StoreError('CONFLICT', `${name}/${id} already exists`);
      }
      throw e;
    }
  }

  upsert(name: string, id: string, doc: Record<string, unknown>): void {
    const t = this.ensure(name);
    this.prepare(`INSERT INTO ${t} (id, rev, data) VALUES (?, 1, ?) ON CONFLICT(id) DO UPDATE SET rev = rev + 1, data = excluded.data`).run(id, serialize(doc));
  }

  delete(name: string, id: string): boolean {
    const t = this.ensure(name);
    return this.prepare(`DELETE FROM ${t} WHERE id = ?`).run(id).changes > 0;
  }

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    this.ensure(name);
    return new SqliteCollection<T>(this, name);
  }

  transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    const run = this.txQueue.then(() => this.runTransaction(fn));
    this.txQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Conflicts left after queueing come from single-document writes interleaving with an open
   * transaction, or from another process on the same file: retry with a short, jittered wait.
   */
  private async runTransaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    for (let attempt = 0; attempt < MAX_TX_ATTEMPTS; attempt++) {
      const tx = new SqliteTransaction(this);
      const result = await fn(tx);
      if (tx.commit()) return result;
      await new Promise((r) => setTimeout(r, Math.random() * 2 * (attempt + 1)));
    }
    throw new StoreError('ABORTED', 'transaction kept conflicting; try again');
  }

  /** Copies committed WAL pages into the database file without waiting for readers. */
  checkpoint(): void {
    if (this.db.open && !this.db.inTransaction) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  close(): void {
    if (this.checkpoints) clearInterval(this.checkpoints);
    this.db.close();
  }
}

class SqliteCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly s: SqliteDocStore,
    private readonly name: string,
  ) {}

  async get(id: string): Promise<T | null> {
    return parse<T>(this.s.row(this.name, id));
  }

  async add(doc: Omit<T, '_id'> & { _id?: string }): Promise<string> {
    const id = doc._id ?? newId();
    this.s.insert(this.name, id, doc);
    return id;
  }

  async addMany(docs: (Omit<T, '_id'> & { _id: string })[]): Promise<void> {
    // One commit for the lot; a duplicate keeps the ones before it, as CloudBase's ordered insert does.
    const failed = this.s.db.transaction(() => {
      for (const { _id, ...doc } of docs) {
        try {
          this.s.insert(this.name, _id, doc);
        } catch (e) {
          return e;
        }
      }
      return null;
    })();
    if (failed) throw failed;
  }

  async set(id: string, doc: Omit<T, '_id'>): Promise<void> {
    this.s.upsert(this.name, id, doc);
  }

  async update(id: string, patch: Patch): Promise<boolean> {
    const t = this.s.ensure(this.name);
    // IMMEDIATE takes the write lock before reading, so another process cannot slip a write
    // between our read and our write.
    return this.s.db
      .transaction(() => {
        const row = this.s.row(this.name, id);
        if (!row) return false;
        const next = applyPatch(JSON.parse(row.data), patch);
        this.s.prepare(`UPDATE ${t} SET rev = rev + 1, data = ? WHERE id = ?`).run(JSON.stringify(next), id);
        return true;
      })
      .immediate();
  }

  async remove(id: string): Promise<boolean> {
    return this.s.delete(this.name, id);
  }

  async find(query: Query = {}): Promise<T[]> {
    const t = this.s.ensure(this.name);
    const params: unknown[] = [];
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
    const rows = this.s.prepare(sql).all(...params) as Row[];
    return rows.map((r) => parse<T>(r) as T);
  }

  async count(where?: Where): Promise<number> {
    const t = this.s.ensure(this.name);
    const params: unknown[] = [];
    const row = this.s.prepare(`SELECT COUNT(*) AS n FROM ${t}${whereSql(where, params)}`).get(...params) as {
      n: number;
    };
    return row.n;
  }
}

type Pending = { kind: 'put'; doc: Record<string, unknown>; mustBeNew: boolean } | { kind: 'delete' };

class SqliteTransaction implements Transaction {
  /** rev seen at first read (0 = absent), checked again at commit. */
  private readonly reads = new Map<string, number>();
  private readonly writes = new Map<string, Pending>();

  constructor(private readonly s: SqliteDocStore) {}

  private key(c: string, id: string): string {
    return `${c}\u0000${id}`;
  }

  /** The document as this transaction sees it: its own pending write, else the store. */
  private current(c: string, id: string): Record<string, unknown> | null {
    const k = this.key(c, id);
    const w = this.writes.get(k);
    if (w) return w.kind === 'delete' ? null : structuredClone(w.doc);
    const row = this.s.row(c, id);
    if (!this.reads.has(k)) this.reads.set(k, row ? row.rev : 0);
    return row ? JSON.parse(row.data) : null;
  }

  async get<T extends Doc = Doc>(c: string, id: string): Promise<T | null> {
    const doc = this.current(c, id);
    return doc ? ({ _id: id, ...doc } as T) : null;
  }

  async add(c: string, doc: Doc): Promise<void> {
    if (!doc._id) throw new StoreError('INVALID', 'documents added in a transaction need an _id');
    if (this.current(c, doc._id)) throw new StoreError('CONFLICT', `${c}/${doc._id} already exists`);
    const { _id, ...rest } = doc;
    // Removed earlier in this same transaction: the add replaces the stored row.
    const removedHere = this.writes.get(this.key(c, _id))?.kind === 'delete';
    this.writes.set(this.key(c, _id), { kind: 'put', doc: structuredClone(rest), mustBeNew: !removedHere });
  }

  async set(c: string, id: string, doc: Omit<Doc, '_id'>): Promise<void> {
    const { _id: _ignored, ...rest } = doc as Doc;
    this.writes.set(this.key(c, id), { kind: 'put', doc: structuredClone(rest), mustBeNew: false });
  }

  async update(c: string, id: string, patch: Patch): Promise<void> {
    const doc = this.current(c, id);
    if (!doc) throw new StoreError('NOT_FOUND', `${c}/${id} does not exist`);
    const prev = this.writes.get(this.key(c, id));
    const mustBeNew = prev?.kind === 'put' && prev.mustBeNew;
    this.writes.set(this.key(c, id), { kind: 'put', doc: applyPatch(doc, patch), mustBeNew });
  }

  async remove(c: string, id: string): Promise<void> {
    this.current(c, id);
    this.writes.set(this.key(c, id), { kind: 'delete' });
  }

  /** Returns false when something read has changed meanwhile (the caller retries). */
  commit(): boolean {
    if (this.writes.size === 0) return true;
    const run = this.s.db.transaction(() => {
      for (const [k, rev] of this.reads) {
        const [c, id] = k.split('\u0000');
        if (this.s.rev(c, id) !== rev) return false;
      }
      for (const [k, w] of this.writes) {
        const [c, id] = k.split('\u0000');
        if (w.kind === 'delete') this.s.delete(c, id);
        else if (w.mustBeNew) this.s.insert(c, id, w.doc);
        else this.s.upsert(c, id, w.doc);
      }
      return true;
    });
    return run.immediate();
  }
}
