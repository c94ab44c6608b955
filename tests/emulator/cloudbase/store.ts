/**
 * The document database behind the CloudBase emulator: what CloudBase's database (MongoDB
 * underneath) does with the requests @cloudbase/node-sdk sends, as its documentation states it.
 * Query matching, sorting and update operators are mingo's (MongoDB's query language), never ours.
 * Each rule below names where it comes from; docs/cloudbase-emulator.md lists them all.
 */
import { Query, update as applyUpdate } from 'mingo';

type Obj = Record<string, unknown>;

/** A CloudBase error as the HTTP API answers it: `{ code, message }` (the SDK throws it as is). */
export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** get(): 100 documents unless a limit is given, never more than 1,000 (数据库 › 查询 › limit). */
export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;
/** A transaction lives at most 30 seconds (数据库 › 事务 › 使用限制). */
export const TRANSACTION_LIMIT_MS = 30_000;
/** A document holds at most 16 MB in MongoDB; CloudBase's request cap (below) bites first. */
const WAIT_FOR_LOCK_MS = 5_000;

interface Version {
  seq: number;
  doc: Obj | null;
}

interface Tx {
  id: string;
  snapshot: number;
  startedAt: number;
  writes: Map<string, Obj | null>;
  done: boolean;
}

const keyOf = (coll: string, id: string) => `${coll}\u0000${id}`;
const clone = <T>(v: T): T => structuredClone(v);

export class EmulatedDatabase {
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly txs = new Map<string, Tx>();
  /** Which open transaction has written a document: MongoDB holds that write until it ends. */
  private readonly locks = new Map<string, string>();
  private seq = 0;
  private nextTx = 1;
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  createCollection(name: string): void {
    if (!this.collections.has(name)) this.collections.set(name, new Map());
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Writing to a collection nobody created fails (DATABASE_COLLECTION_NOT_EXIST): the deploy step creates them. */
  private coll(name: string): Map<string, Version[]> {
    const c = this.collections.get(name);
    if (!c) throw new CloudBaseError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
    return c;
  }

  private latest(coll: string, id: string, at = Infinity): Obj | null {
    const versions = this.coll(coll).get(id);
    if (!versions) return null;
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= at) return versions[i].doc;
    return null;
  }

  private lastSeq(coll: string, id: string): number {
    const versions = this.coll(coll).get(id);
    return versions ? versions[versions.length - 1].seq : 0;
  }

  // ---- transactions ------------------------------------------------------------------------

  startTransaction(): string {
    const id = `emu-tx-${this.nextTx++}`;
    this.txs.set(id, { id, snapshot: this.seq, startedAt: this.now(), writes: new Map(), done: false });
    return id;
  }

  private tx(id: string): Tx {
    const tx = this.txs.get(id);
    if (!tx || tx.done) throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', 'transaction does not exist or has ended');
    if (this.now() - tx.startedAt > TRANSACTION_LIMIT_MS) {
      this.end(tx);
      throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', 'transaction exceeded its 30 s limit and was aborted');
    }
    return tx;
  }

  private end(tx: Tx): void {
    tx.done = true;
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    this.txs.delete(tx.id);
  }

  /** MongoDB's WriteConflict, which CloudBase reports as DATABASE_TRANSACTION_CONFLICT; the transaction is over. */
  private conflict(tx: Tx, coll: string, id: string): never {
    this.end(tx);
    throw new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${coll}/${id}`);
  }

  /** Before a transaction writes a document: nobody else may hold it, nor have changed it since the snapshot. */
  private claim(tx: Tx, coll: string, id: string): string {
    const key = keyOf(coll, id);
    const holder = this.locks.get(key);
    if (holder && holder !== tx.id) this.conflict(tx, coll, id);
    if (this.lastSeq(coll, id) > tx.snapshot) this.conflict(tx, coll, id);
    this.locks.set(key, tx.id);
    return key;
  }

  /** Reads in a transaction see its snapshot plus its own writes (snapshot isolation). */
  private txRead(tx: Tx, coll: string, id: string): Obj | null {
    const key = keyOf(coll, id);
    if (tx.writes.has(key)) return tx.writes.get(key) ?? null;
    return this.latest(coll, id, tx.snapshot);
  }

  commit(txId: string): void {
    const tx = this.tx(txId);
    const seq = ++this.seq;
    for (const [key, doc] of tx.writes) {
      const [coll, id] = key.split('\u0000');
      const c = this.coll(coll);
      const versions = c.get(id) ?? [];
      versions.push({ seq, doc });
      c.set(id, versions);
    }
    this.end(tx);
    for (const key of tx.writes.keys()) {
      const [coll, id] = key.split('\u0000');
      this.prune(coll, id);
    }
  }

  abort(txId: string): void {
    const tx = this.txs.get(txId);
    if (tx) this.end(tx);
  }

  /** Old versions of a document matter only to open snapshots; drop the rest when it is written. */
  private prune(coll: string, id: string): void {
    const c = this.coll(coll);
    const versions = c.get(id);
    if (!versions) return;
    let oldest = this.seq;
    for (const t of this.txs.values()) oldest = Math.min(oldest, t.snapshot);
    let keepFrom = 0;
    for (let i = 0; i < versions.length; i++) if (versions[i].seq <= oldest) keepFrom = i;
    if (keepFrom > 0) versions.splice(0, keepFrom);
    if (versions.length === 1 && versions[0].doc === null) c.delete(id);
  }

  /** A write outside a transaction waits for a transaction holding the document, as MongoDB does. */
  private async waitUnlocked(coll: string, id: string): Promise<void> {
    const key = keyOf(coll, id);
    const until = this.now() + WAIT_FOR_LOCK_MS;
    while (this.locks.has(key)) {
      if (this.now() > until) throw new CloudBaseError('DATABASE_TIMEOUT', `timed out waiting for ${coll}/${id}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  private writeNow(coll: string, id: string, doc: Obj | null): void {
    const c = this.coll(coll);
    const versions = c.get(id) ?? [];
    versions.push({ seq: ++this.seq, doc });
    c.set(id, versions);
    this.prune(coll, id);
  }

  // ---- operations --------------------------------------------------------------------------

  async insert(coll: string, docs: Obj[], txId?: string): Promise<string[]> {
    this.coll(coll);
    const ids: string[] = [];
    if (txId) {
      const tx = this.tx(txId);
      for (const d of docs) {
        const id = typeof d._id === 'string' ? d._id : this.newId();
        const key = this.claim(tx, coll, id);
        if (this.txRead(tx, coll, id)) {
          this.end(tx);
          throw new CloudBaseError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${id} in ${coll}`);
        }
        tx.writes.set(key, { ...clone(d), _id: id });
        ids.push(id);
      }
      return ids;
    }
    // Outside a transaction a batch insert is ordered: it stops at the first duplicate.
    for (const d of docs) {
      const id = typeof d._id === 'string' ? d._id : this.newId();
      await this.waitUnlocked(coll, id);
      if (this.latest(coll, id)) throw new CloudBaseError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${id} in ${coll}`);
      this.writeNow(coll, id, { ...clone(d), _id: id });
      ids.push(id);
    }
    return ids;
  }

  private newId(): string {
    return `emu${Date.now().toString(16)}${(this.nextId++).toString(16).padStart(8, '0')}`;
  }

  /** Documents matching a query, in order, with skip and limit applied. */
  find(coll: string, query: Obj, opts: { order?: Obj; offset?: number; limit?: number; txId?: string } = {}): Obj[] {
    const docs = this.visible(coll, opts.txId);
    let cursor = new Query(query, { idKey: '_id' }).find<Obj>(docs);
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order as Record<string, 1 | -1>);
    if (opts.offset) cursor = cursor.skip(opts.offset);
    const limit = Math.min(opts.limit && opts.limit > 0 ? opts.limit : DEFAULT_GET_LIMIT, MAX_GET_LIMIT);
    return cursor.limit(limit).all().map(clone);
  }

  count(coll: string, query: Obj): number {
    return new Query(query, { idKey: '_id' }).find(this.visible(coll)).all().length;
  }

  private visible(coll: string, txId?: string): Obj[] {
    const c = this.coll(coll);
    const tx = txId ? this.tx(txId) : undefined;
    const out: Obj[] = [];
    for (const id of c.keys()) {
      const doc = tx ? this.txRead(tx, coll, id) : this.latest(coll, id);
      if (doc) out.push(doc);
    }
    if (tx) {
      for (const [key, doc] of tx.writes) {
        const [wc, id] = key.split('\u0000');
        if (wc === coll && doc && !c.has(id)) out.push(doc);
      }
    }
    return out;
  }

  getById(coll: string, id: string, txId?: string): Obj | null {
    this.coll(coll);
    const doc = txId ? this.txRead(this.tx(txId), coll, id) : this.latest(coll, id);
    return doc ? clone(doc) : null;
  }

  /**
   * modifyDocument by _id. `merge` applies update operators ($set, $inc, $push, $unset);
   * otherwise the document is replaced (and created with `upsert`). `updated` counts documents
   * actually changed, as MongoDB's nModified: an update that changes nothing reports 0.
   */
  async modifyById(
    coll: string,
    id: string,
    data: Obj,
    opts: { merge: boolean; upsert: boolean; txId?: string },
  ): Promise<{ updated: number; upsertId?: string }> {
    this.coll(coll);
    const tx = opts.txId ? this.tx(opts.txId) : undefined;
    if (!tx) await this.waitUnlocked(coll, id);
    const current = tx ? this.txRead(tx, coll, id) : this.latest(coll, id);
    let next: Obj;
    if (opts.merge) {
      if (!current) return { updated: 0 };
      next = clone(current);
      const changed = applyUpdate(next, toModifier(data), undefined, undefined, { cloneMode: 'deep' });
      if (changed.length === 0) return { updated: 0 };
    } else {
      next = { ...clone(data), _id: id };
      if (!current && !opts.upsert) return { updated: 0 };
    }
    if (tx) tx.writes.set(this.claim(tx, coll, id), next);
    else this.writeNow(coll, id, next);
    if (!current) return { updated: 0, upsertId: id };
    return { updated: JSON.stringify(current) === JSON.stringify(next) ? 0 : 1 };
  }

  async modifyWhere(coll: string, query: Obj, data: Obj, multi: boolean): Promise<number> {
    const targets = this.find(coll, query, { limit: multi ? MAX_GET_LIMIT : 1 });
    let n = 0;
    for (const d of targets) n += (await this.modifyById(coll, String(d._id), data, { merge: true, upsert: false })).updated;
    return n;
  }

  async removeById(coll: string, id: string, txId?: string): Promise<number> {
    this.coll(coll);
    if (txId) {
      const tx = this.tx(txId);
      const existed = this.txRead(tx, coll, id) !== null;
      tx.writes.set(this.claim(tx, coll, id), null);
      return existed ? 1 : 0;
    }
    await this.waitUnlocked(coll, id);
    if (!this.latest(coll, id)) return 0;
    this.writeNow(coll, id, null);
    return 1;
  }

  async removeWhere(coll: string, query: Obj, multi: boolean): Promise<number> {
    const targets = this.find(coll, query, { limit: multi ? MAX_GET_LIMIT : 1 });
    let n = 0;
    for (const d of targets) n += await this.removeById(coll, String(d._id));
    return n;
  }

  /** Every committed document of a collection (for tests that look at the database as an operator would). */
  dump(coll: string): Obj[] {
    return this.visible(coll).map(clone);
  }
}

/** A plain object given to update() means $set of its fields (the SDK usually encodes that itself). */
function toModifier(data: Obj): Obj {
  const ops = Object.keys(data).filter((k) => k.startsWith('$'));
  if (ops.length === Object.keys(data).length) return data;
  const plain = Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith('$')));
  return { ...Object.fromEntries(ops.map((k) => [k, data[k]])), $set: { ...((data.$set as Obj) ?? {}), ...plain } };
}
