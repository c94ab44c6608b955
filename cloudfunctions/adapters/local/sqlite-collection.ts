import { randomBytes } from 'node:crypto';
import type { Collection, Doc, Patch, Query, Where } from '../../ports/docstore';
import { applyPatch } from './patch';
import type { Row, SqliteDocStore } from './sqlite-docstore';
import { findSql, whereSql } from './sqlite-query';

function newId(): string {
  return randomBytes(16).toString('hex');
}

function parse<T>(row: Row | undefined): T | null {
  if (!row) return null;
  return { _id: row.id, ...JSON.parse(row.data) } as T;
}

/** One collection's reads and single-document writes, each its own SQLite transaction. */
export class SqliteCollection<T extends Doc> implements Collection<T> {
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
    const rows = this.s.prepare(findSql(t, query, params)).all(...params) as Row[];
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
