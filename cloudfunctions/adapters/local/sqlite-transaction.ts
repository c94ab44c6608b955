import { StoreError, type Doc, type Patch, type Transaction } from '../../ports/docstore';
import { applyPatch } from './patch';
import type { SqliteDocStore } from './sqlite-docstore';

type Pending = { kind: 'put'; doc: Record<string, unknown>; mustBeNew: boolean } | { kind: 'delete' };

/**
 * A multi-document transaction: reads go to the store and remember each document's revision;
 * writes are buffered, and commit applies them in one IMMEDIATE transaction only if nothing read
 * has changed meanwhile.
 */
export class SqliteTransaction implements Transaction {
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
