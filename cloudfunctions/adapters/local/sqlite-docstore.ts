import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, type Collection, type Doc, type DocStore, type Transaction } from '../../ports/docstore';
import { SqliteCollection } from './sqlite-collection';
import { fieldExpr, table } from './sqlite-query';
import { SqliteTransaction } from './sqlite-transaction';

export { clampLimit } from './sqlite-query';

/** Collection → the field lists that get an index (each list becomes one compound index). */
export type IndexSpec = Record<string, string[][]>;

const MAX_TX_ATTEMPTS = 20;

/** A stored document as its table holds it: the JSON text without `_id`, and its revision. */
export type Row = { id: string; rev: number; data: string };

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
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID`);
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
