import {
  assertFieldPath,
  assertScalar,
  Cond,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  StoreError,
  UpdateOp,
  type Collection,
  type Doc,
  type DocStore,
  type Patch,
  type Query,
  type Transaction,
  type Where,
} from '../../ports/docstore';

// biome-ignore lint/suspicious/noExplicitAny: the database comes untyped from @cloudbase/node-sdk in production and as `unknown` from the emulator in tests; its query builder is chained freely, and what the adapter reads back is typed below
type Db = any;

/** The part of the SDK's `db.command` that conditions and updates are built with. */
interface Command {
  eq(value: unknown): unknown;
  neq(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  in(value: unknown): unknown;
  nin(value: unknown): unknown;
  and(...conditions: unknown[]): unknown;
  inc(value: unknown): unknown;
  push(value: unknown): unknown;
  remove(): unknown;
  set(value: unknown): unknown;
}

/** A document inside `db.runTransaction`: what the adapter calls on it. */
interface SdkTxDoc {
  get(): Promise<unknown>;
  set(doc: unknown): Promise<unknown>;
  update(patch: unknown): Promise<{ updated?: unknown } | undefined>;
  delete(): Promise<unknown>;
}

/** The transaction handle `db.runTransaction` passes its callback. */
interface SdkTx {
  collection(name: string): { doc(id: string): SdkTxDoc; add(doc: unknown): Promise<unknown> };
}

/**
 * A conflicting transaction is retried by us, not by the SDK (which retries at once, with no
 * pause): votes come in bursts on one meeting, and retrying them all in lockstep only makes
 * them collide again. Full jitter on an exponential backoff spreads them out.
 */
const TX_ATTEMPTS = 30;
const BACKOFF_BASE_MS = 8;
const BACKOFF_CAP_MS = 1000;

/** Documents per insert request: a hundred people's records stay far below a request's size limit. */
const ADD_MANY_BATCH = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function codeOf(e: unknown): string {
  return String((e as { code?: unknown })?.code ?? '');
}

/** What CloudBase answers when two transactions write one document (MongoDB's WriteConflict). */
const isTxConflict = (e: unknown) => codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT';

/**
 * The SDK's errors (TcbError: code + requestId) in the port's terms. Only the SDK's own codes are
 * read: an error of the app's own (AppError 'CONFLICT') passes untouched wherever it is thrown.
 */
function translate(e: unknown): never {
  const code = codeOf(e);
  if (code === 'DATABASE_DUPLICATE_WRITE') throw new StoreError('CONFLICT', 'document already exists');
  if (code === 'DATABASE_DOCUMENT_NOT_EXIST' || code === 'DOCUMENT_NOT_EXIST') throw new StoreError('NOT_FOUND', 'document does not exist');
  if (code === 'DATABASE_TRANSACTION_CONFLICT' || code === 'DATABASE_TRANSACTION_FAIL') throw new StoreError('ABORTED', code);
  if (code === 'DATABASE_TIMEOUT' || code === 'SYS_ERR' || /^E(CONNRESET|CONNREFUSED|TIMEDOUT|SOCKETTIMEDOUT|PIPE)$/.test(code)) {
    throw new StoreError('UNAVAILABLE', code);
  }
  throw e;
}

function firstDoc(res: unknown): Doc | null {
  const data = (res as { data?: unknown } | null | undefined)?.data;
  const doc = Array.isArray(data) ? data[0] : data;
  return doc && typeof doc === 'object' ? (doc as Doc) : null;
}

function toCommand(_: Command, c: Cond, field: string): unknown {
  (Array.isArray(c.value) ? c.value : [c.value]).forEach((v) => {
    assertScalar(v, field);
  });
  switch (c.op) {
    case 'eq':
      return _.eq(c.value);
    case 'neq':
      return _.neq(c.value);
    case 'gt':
      return _.gt(c.value);
    case 'gte':
      return _.gte(c.value);
    case 'lt':
      return _.lt(c.value);
    case 'lte':
      return _.lte(c.value);
    case 'in':
      return _.in(c.value);
    default:
      return _.nin(c.value);
  }
}

function toWhere(_: Command, where: Where | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(where ?? {})) {
    // Plain objects never pass as values: the SDK would read `{ $gt: '' }` as an operator.
    if (field !== '_id') assertFieldPath(field);
    if (Array.isArray(value)) {
      if (!value.every((c) => c instanceof Cond)) throw new StoreError('INVALID', `bad condition on ${field.slice(0, 60)}`);
      const cmds = value.map((c) => toCommand(_, c, field));
      out[field] = cmds.length === 1 ? cmds[0] : _.and(...cmds);
    } else if (value instanceof Cond) {
      out[field] = toCommand(_, value, field);
    } else {
      assertScalar(value, field);
      out[field] = value;
    }
  }
  return out;
}

function toPatch(_: Command, patch: Patch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    assertFieldPath(field);
    if (value instanceof UpdateOp) {
      if (value.kind === 'inc') out[field] = _.inc(value.value);
      else if (value.kind === 'push') out[field] = _.push(value.value);
      else out[field] = _.remove();
    } else {
      // `set` so an object value replaces the field instead of being merged into it.
      out[field] = value !== null && typeof value === 'object' ? _.set(value) : value;
    }
  }
  return out;
}

function withoutId<T extends Record<string, unknown>>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

class CloudBaseCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {}

  private get ref() {
    return this.db.collection(this.name);
  }

  async get(id: string): Promise<T | null> {
    try {
      return firstDoc(await this.ref.doc(id).get()) as T | null;
    } catch (e) {
      const code = String((e as { code?: unknown })?.code ?? '');
      if (code.includes('NOT_EXIST')) return null;
      return translate(e);
    }
  }

  async add(doc: Omit<T, '_id'> & { _id?: string }): Promise<string> {
    try {
      const res = await this.ref.add(doc);
      return (res.id ?? res._id ?? doc._id) as string;
    } catch (e) {
      return translate(e);
    }
  }

  async addMany(docs: (Omit<T, '_id'> & { _id: string })[]): Promise<void> {
    // `add` of an array is one insert request (ordered: it stops at the first duplicate).
    for (let i = 0; i < docs.length; i += ADD_MANY_BATCH) {
      try {
        await this.ref.add(docs.slice(i, i + ADD_MANY_BATCH));
      } catch (e) {
        translate(e);
      }
    }
  }

  async set(id: string, doc: Omit<T, '_id'>): Promise<void> {
    try {
      await this.ref.doc(id).set(withoutId(doc as Record<string, unknown>));
    } catch (e) {
      translate(e);
    }
  }

  async update(id: string, patch: Patch): Promise<boolean> {
    try {
      const res = await this.ref.doc(id).update(toPatch(this.db.command, patch));
      return Number(res?.updated ?? 0) > 0 || (await this.get(id)) !== null;
    } catch (e) {
      return translate(e);
    }
  }

  async remove(id: string): Promise<boolean> {
    try {
      const res = await this.ref.doc(id).remove();
      return Number(res?.deleted ?? 0) > 0;
    } catch (e) {
      return translate(e);
    }
  }

  async find(query: Query = {}): Promise<T[]> {
    let q = this.ref.where(toWhere(this.db.command, query.where));
    const order = [...(query.orderBy ?? [])];
    if (!order.some(([f]) => f === '_id')) order.push(['_id', 'asc']);
    for (const [field, dir] of order) {
      if (field !== '_id') assertFieldPath(field);
      if (dir !== 'asc' && dir !== 'desc') throw new StoreError('INVALID', 'bad order direction');
      q = q.orderBy(field, dir);
    }
    const skip = Number.isFinite(query.skip) ? Math.max(Math.trunc(query.skip as number), 0) : 0;
    if (skip) q = q.skip(skip);
    const limit = Number.isFinite(query.limit) ? Math.min(Math.max(Math.trunc(query.limit as number), 0), MAX_LIMIT) : DEFAULT_LIMIT;
    if (limit === 0) return [];
    try {
      const res = await q.limit(limit).get();
      return (res.data ?? []) as T[];
    } catch (e) {
      return translate(e);
    }
  }

  async count(where?: Where): Promise<number> {
    try {
      const res = await this.ref.where(toWhere(this.db.command, where)).count();
      return Number(res.total ?? 0);
    } catch (e) {
      return translate(e);
    }
  }
}

/** DocStore on the CloudBase document database (@cloudbase/node-sdk `app.database()`). */
export class CloudBaseDocStore implements DocStore {
  constructor(private readonly db: Db) {}

  collection<T extends Doc = Doc>(name: string): Collection<T> {
    return new CloudBaseCollection<T>(this.db, name);
  }

  async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(fn);
      } catch (e) {
        if (!isTxConflict(e)) throw e;
        if (attempt >= TX_ATTEMPTS) throw new StoreError('ABORTED', 'too many conflicting transactions');
        await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
      }
    }
  }

  /**
   * One try. Errors of the app's own thrown inside `fn` come out as they went in; the SDK's are
   * translated where they happen, except a write conflict, which comes out raw to be retried.
   */
  private async attempt<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    const _: Command = this.db.command;
    const viaSdk = async <V>(op: () => Promise<V>): Promise<V> => {
      try {
        return await op();
      } catch (e) {
        if (isTxConflict(e)) throw e;
        return translate(e);
      }
    };
    let fromApp: { error: unknown } | undefined;
    try {
      // times = 0: the SDK must not retry by itself (see TX_ATTEMPTS).
      return await this.db.runTransaction(async (t: SdkTx) => {
        const ref = (c: string, id: string) => t.collection(c).doc(id);
        const tx: Transaction = {
          async get<D extends Doc = Doc>(c: string, id: string) {
            try {
              return firstDoc(await ref(c, id).get()) as D | null;
            } catch (e) {
              if (codeOf(e).includes('NOT_EXIST')) return null;
              if (isTxConflict(e)) throw e;
              return translate(e);
            }
          },
          async add(c: string, doc: Doc) {
            await viaSdk(() => t.collection(c).add(doc));
          },
          async set(c: string, id: string, doc: Omit<Doc, '_id'>) {
            await viaSdk(() => ref(c, id).set(withoutId(doc as Record<string, unknown>)));
          },
          async update(c: string, id: string, patch: Patch) {
            const res = await viaSdk(() => ref(c, id).update(toPatch(_, patch)));
            // `updated` counts documents changed: an update that changes nothing (a role already
            // held) reports 0 although the document is there. Only a missing one is NOT_FOUND.
            if (Number(res?.updated ?? 1) === 0 && (await tx.get(c, id)) === null) {
              throw new StoreError('NOT_FOUND', `${c}/${id} does not exist`);
            }
          },
          async remove(c: string, id: string) {
            await viaSdk(() => ref(c, id).delete());
          },
        };
        try {
          return await fn(tx);
        } catch (e) {
          if (!isTxConflict(e)) fromApp = { error: e };
          throw e;
        }
      }, 0);
    } catch (e) {
      if (fromApp && e === fromApp.error) throw e;
      if (e instanceof StoreError || isTxConflict(e)) throw e;
      return translate(e);
    }
  }
}
