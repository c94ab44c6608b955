/**
 * The DocStore contract (cloudfunctions/ports/docstore.ts), written once and run against every
 * adapter: always against SQLite (a fresh file per test), and against CloudBase when
 * TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are set. Anything the code relies on from the
 * store belongs here, so the local host and the cloud cannot drift apart unnoticed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudBaseDocStore } from '../../cloudfunctions/adapters/cloudbase/docstore';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { AppError } from '../../cloudfunctions/core/shared/errors';
import { startCloudBaseEmulator, type CloudBaseEmulator } from '../emulator/cloudbase/server';
import { pointSdkAt, sdkDatabase } from '../emulator/cloudbase/sdk-env';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  StoreError,
  cmd,
  readAll,
  type Collection,
  type Doc,
  type DocStore,
  type Scalar,
  type StoreErrorCode,
  type Where,
} from '../../cloudfunctions/ports/docstore';

/** One store for one test. */
interface Harness {
  store: DocStore;
  /** The real, empty collection to use for `base` in this test (unique per run on CloudBase). */
  name(base: string): Promise<string>;
  close(): Promise<void>;
}

interface ContractOptions {
  /** Per-test timeout in ms. */
  timeout?: number;
  /**
   * How many transactions race on one counter. Over the emulator's HTTP each conflict costs a
   * backoff and a retry round trip; 200 took 11 s on a quiet machine and over 60 s on a busy one
   * (a CI run), while fewer still make every transaction but the first conflict and retry.
   */
  contention?: number;
  /**
   * Titles of tests this adapter is known to fail. They run as `it.failing`, so the suite stays
   * green while the bug is open and turns red the moment it is fixed (then drop the entry).
   */
  knownBugs?: readonly string[];
  /**
   * Whether every one of the racing transactions on one document commits. SQLite takes them one at a time; on
   * CloudBase they conflict and retry with backoff, and under load a few may give up (ABORTED)
   * — which is why the app keeps busy counts on several documents (core/matters/tally.ts).
   */
  everyTransactionCommits?: boolean;
}

/** Resolves to the StoreError the promise rejected with; fails the test if it resolved or threw anything else. */
async function storeError(p: Promise<unknown>): Promise<StoreError> {
  const outcome = await p.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`expected a StoreError, but it resolved to ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(StoreError);
  return outcome.error as StoreError;
}

async function expectStoreError(p: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  expect((await storeError(p)).code).toBe(code);
}

/** Inserts in parallel batches: fast on SQLite, and within CloudBase's request limits. */
async function insertMany(c: Collection, docs: Doc[], batch = 50): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    await Promise.all(docs.slice(i, i + batch).map((d) => c.add(d)));
  }
}

const ids = (docs: Doc[]) => docs.map((d) => d._id);
const pad = (n: number) => String(n).padStart(4, '0');

type Person = Doc & {
  name: string;
  age: number;
  active: boolean;
  village: string;
  address: { city: string };
};

/** Small fixture for the query tests: ages, villages and flags chosen so each query has a unique answer. */
const PEOPLE: Person[] = [
  { _id: 'p1', name: '张三', age: 30, active: true, village: 'east', address: { city: '杭州' } },
  { _id: 'p2', name: '李四', age: 25, active: false, village: 'west', address: { city: '宁波' } },
  { _id: 'p3', name: '王五', age: 40, active: true, village: 'west', address: { city: '杭州' } },
  { _id: 'p4', name: '赵六', age: 18, active: false, village: 'east', address: { city: '温州' } },
  { _id: 'p5', name: 'Alice', age: 30, active: true, village: 'north', address: { city: '宁波' } },
  { _id: 'p6', name: 'Bob', age: 65, active: false, village: 'west', address: { city: '杭州' } },
];

/** Field names that are not plain dotted identifiers: they must be refused, never spliced into a query. */
const HOSTILE_FIELDS = ["a') OR 1=1 --", '$where', "name' OR '1'='1", 'age; DROP TABLE c_people', 'a..b', 'address.$gt'];

function contract(name: string, makeStore: () => Promise<Harness>, options: ContractOptions = {}): void {
  const { timeout, knownBugs = [], everyTransactionCommits = true, contention = 200 } = options;
  const titles = new Set<string>();
  const check = (title: string, fn: () => Promise<void>) => {
    titles.add(title);
    (knownBugs.includes(title) ? it.failing : it)(title, fn, timeout);
  };

  describe(`DocStore contract on ${name}`, () => {
    let h: Harness;
    let opened: Harness | undefined;
    beforeEach(async () => {
      h = opened = await makeStore();
    }, timeout);
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    }, timeout);

    async function open<T extends Doc = Doc>(base = 'items'): Promise<[Collection<T>, string]> {
      const n = await h.name(base);
      return [h.store.collection<T>(n), n];
    }

    async function people(): Promise<Collection<Person>> {
      const [c] = await open<Person>('people');
      await insertMany(c as unknown as Collection, PEOPLE);
      return c;
    }

    describe('single documents', () => {
      check('get returns null for a missing id', async () => {
        const [c] = await open();
        expect(await c.get('nobody-has-this-id')).toBeNull();
      });

      check('add then get round-trips nested objects, arrays, numbers, booleans, null and Chinese text', async () => {
        const [c] = await open();
        const doc = {
          _id: 'rich',
          title: '青山村 · 村务公开',
          count: 42,
          negative: -7,
          ratio: 0.125,
          big: 2 ** 40,
          yes: true,
          no: false,
          nothing: null,
          tags: ['公开', 'open', 3, false, null],
          nested: { level: { deeper: { text: '你好，世界', list: [{ a: 1 }, { b: [2, 3] }] } }, empty: {} },
          emptyList: [],
        };
        expect(await c.add(doc)).toBe('rich');
        expect(await c.get('rich')).toEqual(doc);
      });

      check('add with an existing _id rejects with CONFLICT and leaves the original document unchanged', async () => {
        const [c] = await open();
        await c.add({ _id: 'taken', owner: 'first', n: 1 });
        await expectStoreError(c.add({ _id: 'taken', owner: 'second', extra: true }), 'CONFLICT');
        expect(await c.get('taken')).toEqual({ _id: 'taken', owner: 'first', n: 1 });
        expect(await c.count()).toBe(1);
      });

      check("addMany inserts every document, past a request's batch, and they read back whole", async () => {
        const [c] = await open();
        const docs = Array.from({ length: 250 }, (_, i) => ({ _id: `m${pad(i)}`, i, name: `村民${i}`, tags: ['a'] }));
        await c.addMany(docs);
        expect(await c.count()).toBe(250);
        expect(await c.get('m0249')).toEqual({ _id: 'm0249', i: 249, name: '村民249', tags: ['a'] });
      });

      check('addMany stops at the first existing _id with CONFLICT: the ones before it are in, the ones after are not', async () => {
        const [c] = await open();
        await c.add({ _id: 'm0002', v: 'old' });
        await expectStoreError(c.addMany([{ _id: 'm0000' }, { _id: 'm0001' }, { _id: 'm0002', v: 'new' }, { _id: 'm0003' }]), 'CONFLICT');
        expect(ids(await c.find({ orderBy: [['_id', 'asc']] }))).toEqual(['m0000', 'm0001', 'm0002']);
        expect((await c.get('m0002'))?.v).toBe('old');
      });

      check('add without an _id generates a new id for each document', async () => {
        const [c] = await open();
        const a = await c.add({ v: 'a' });
        const b = await c.add({ v: 'b' });
        expect(typeof a).toBe('string');
        expect(a.length).toBeGreaterThan(0);
        expect(b).not.toBe(a);
        expect(await c.get(a)).toEqual({ _id: a, v: 'a' });
        expect(await c.get(b)).toEqual({ _id: b, v: 'b' });
      });

      check('set creates a document that does not exist yet', async () => {
        const [c] = await open();
        await c.set('fresh', { v: 1, label: '新' });
        expect(await c.get('fresh')).toEqual({ _id: 'fresh', v: 1, label: '新' });
      });

      check('set replaces the whole document, dropping fields it does not mention', async () => {
        const [c] = await open();
        await c.add({ _id: 'x', keep: 'no', nested: { a: 1, b: 2 }, n: 1 });
        await c.set('x', { nested: { c: 3 }, n: 2 });
        expect(await c.get('x')).toEqual({ _id: 'x', nested: { c: 3 }, n: 2 });
      });

      check('remove deletes the document and says whether there was one', async () => {
        const [c] = await open();
        await c.add({ _id: 'gone', v: 1 });
        expect(await c.remove('gone')).toBe(true);
        expect(await c.get('gone')).toBeNull();
        expect(await c.remove('gone')).toBe(false);
      });
    });

    describe('update', () => {
      check('update sets plain fields and leaves the other fields alone', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', a: 1, b: 'keep', c: true });
        expect(await c.update('u', { a: 2, c: false, added: '新字段' })).toBe(true);
        expect(await c.get('u')).toEqual({ _id: 'u', a: 2, b: 'keep', c: false, added: '新字段' });
      });

      check('update with a dotted path changes only that nested field', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', profile: { name: '张三', address: { city: '杭州', street: '西湖路' } } });
        expect(await c.update('u', { 'profile.address.city': '宁波' })).toBe(true);
        expect(await c.get('u')).toEqual({
          _id: 'u',
          profile: { name: '张三', address: { city: '宁波', street: '西湖路' } },
        });
      });

      check('update with an object value replaces that field instead of merging into it', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', settings: { a: 1, b: 2 } });
        await c.update('u', { settings: { c: 3 } });
        expect(await c.get('u')).toEqual({ _id: 'u', settings: { c: 3 } });
      });

      check('update with cmd.inc adds to a number, including a nested one', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', n: 5, stats: { views: 10 } });
        await c.update('u', { n: cmd.inc(3), 'stats.views': cmd.inc(-4) });
        expect(await c.get('u')).toEqual({ _id: 'u', n: 8, stats: { views: 6 } });
      });

      check('update with cmd.push appends to an array', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', list: ['a'] });
        await c.update('u', { list: cmd.push('b', { c: '丙' }) });
        expect(await c.get('u')).toEqual({ _id: 'u', list: ['a', 'b', { c: '丙' }] });
      });

      check('update with cmd.remove deletes the field', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', gone: 1, nested: { gone: 2, kept: 3 }, kept: 4 });
        await c.update('u', { gone: cmd.remove(), 'nested.gone': cmd.remove() });
        expect(await c.get('u')).toEqual({ _id: 'u', nested: { kept: 3 }, kept: 4 });
      });

      check('update of a missing id returns false and creates nothing', async () => {
        const [c] = await open();
        expect(await c.update('missing', { a: 1, n: cmd.inc(1) })).toBe(false);
        expect(await c.get('missing')).toBeNull();
        expect(await c.count()).toBe(0);
      });

      check('200 parallel cmd.inc(1) updates on one document all count', async () => {
        const [c] = await open();
        await c.add({ _id: 'counter', value: 0 });
        const results = await Promise.all(Array.from({ length: 200 }, () => c.update('counter', { value: cmd.inc(1) })));
        expect(results.every((r) => r === true)).toBe(true);
        expect((await c.get('counter'))?.value).toBe(200);
      });

      check('an update path through __proto__ does not pollute Object.prototype', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', a: 1 });
        // Jest runs tests in a vm context: objects the adapter makes with structuredClone come
        // from node's own realm, so look for the pollution in both prototypes.
        const prototypes = [Object.prototype, Object.getPrototypeOf(structuredClone({}))] as Record<string, unknown>[];
        try {
          // Resolving or rejecting are both acceptable; reaching every object in the process is not.
          await c.update('u', { '__proto__.polluted': 'yes' }).catch(() => undefined);
          expect(prototypes.map((p) => p.polluted)).toEqual([undefined, undefined]);
        } finally {
          for (const p of prototypes) delete p.polluted;
        }
      });

      check('update rejects field names that are not plain dotted identifiers with INVALID', async () => {
        const [c] = await open();
        await c.add({ _id: 'u', a: 1 });
        for (const field of HOSTILE_FIELDS) {
          await expectStoreError(c.update('u', { [field]: 1 }), 'INVALID');
        }
        expect(await c.get('u')).toEqual({ _id: 'u', a: 1 });
      });
    });

    describe('transactions', () => {
      check(`${contention} parallel transactions that each read a counter and write value + 1 lose no update`, async () => {
        const [c, n] = await open<Doc & { value: number }>('counters');
        await c.add({ _id: 'counter', value: 0 });
        // Settled, not raced: nothing may still be writing when the test ends.
        const outcomes = await Promise.allSettled(
          Array.from({ length: contention }, () =>
            h.store.transaction(async (tx) => {
              const doc = await tx.get<Doc & { value: number }>(n, 'counter');
              await tx.update(n, 'counter', { value: (doc?.value ?? 0) + 1 });
            }),
          ),
        );
        // Each one counts or says it gave up (ABORTED, after its retries); none vanishes.
        const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'ABORTED' });
        expect((await c.get('counter'))?.value).toBe(committed);
        if (everyTransactionCommits) expect(committed).toBe(contention);
        else expect(committed).toBeGreaterThan(0);
      });

      check('an error of the app thrown inside a transaction comes out as it went in, and nothing is written', async () => {
        const [c, n] = await open();
        await c.add({ _id: 'x', v: 1 });
        for (const code of ['CONFLICT', 'NOT_FOUND', 'FAILED_PRECONDITION'] as const) {
          const thrown = await h.store
            .transaction(async (tx) => {
              await tx.update(n, 'x', { v: cmd.inc(1) });
              throw new AppError(code, '已经投过票了');
            })
            .catch((e: unknown) => e);
          expect(thrown).toBeInstanceOf(AppError);
          expect((thrown as AppError).code).toBe(code);
        }
        expect((await c.get('x'))?.v).toBe(1);
      });

      check('an update that changes nothing inside a transaction succeeds; a missing document is NOT_FOUND', async () => {
        const [c, n] = await open();
        await c.add({ _id: 'x', roles: ['书记'] });
        await h.store.transaction(async (tx) => tx.update(n, 'x', { roles: ['书记'] }));
        expect(await c.get('x')).toEqual({ _id: 'x', roles: ['书记'] });
        await expectStoreError(
          h.store.transaction(async (tx) => tx.update(n, 'nobody', { roles: [] })),
          'NOT_FOUND',
        );
      });

      check('a transaction returns what its function returns and commits all its writes', async () => {
        const [a, an] = await open('left');
        const [b, bn] = await open('right');
        await a.add({ _id: 'x', v: 1 });
        const result = await h.store.transaction(async (tx) => {
          await tx.update(an, 'x', { v: cmd.inc(1) });
          await tx.add(bn, { _id: 'y', v: '新' });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await a.get('x')).toEqual({ _id: 'x', v: 2 });
        expect(await b.get('y')).toEqual({ _id: 'y', v: '新' });
      });

      check('a transaction that writes two documents and then throws leaves neither write and rejects with the thrown error', async () => {
        const [c, n] = await open();
        await c.add({ _id: 'existing', v: 'before' });
        const boom = new Error('boom after two writes');
        await expect(
          h.store.transaction(async (tx) => {
            await tx.update(n, 'existing', { v: 'after' });
            await tx.set(n, 'created', { v: 'new' });
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await c.get('existing')).toEqual({ _id: 'existing', v: 'before' });
        expect(await c.get('created')).toBeNull();
      });

      check('a transaction that adds an existing _id rejects with CONFLICT and writes nothing else', async () => {
        const [c, n] = await open();
        await c.add({ _id: 'taken', v: 'original' });
        await c.add({ _id: 'other', v: 'before' });
        await expectStoreError(
          h.store.transaction(async (tx) => {
            await tx.update(n, 'other', { v: 'after' });
            await tx.set(n, 'side', { v: 'effect' });
            await tx.add(n, { _id: 'taken', v: 'intruder' });
          }),
          'CONFLICT',
        );
        expect(await c.get('taken')).toEqual({ _id: 'taken', v: 'original' });
        expect(await c.get('other')).toEqual({ _id: 'other', v: 'before' });
        expect(await c.get('side')).toBeNull();
      });

      check('tx.update on a missing document rejects with NOT_FOUND and writes nothing', async () => {
        const [c, n] = await open();
        await expectStoreError(
          h.store.transaction(async (tx) => {
            await tx.set(n, 'side', { v: 'effect' });
            await tx.update(n, 'missing', { v: 1 });
          }),
          'NOT_FOUND',
        );
        expect(await c.get('missing')).toBeNull();
        expect(await c.get('side')).toBeNull();
      });

      check('a transaction that removes a document and adds it again replaces it', async () => {
        const c = await h.name('tx_readd');
        await h.store.collection(c).add({ _id: 'b', v: 1 });
        await h.store.transaction(async (tx) => {
          await tx.remove(c, 'b');
          await tx.add(c, { _id: 'b', v: 2 });
        });
        expect(await h.store.collection(c).get('b')).toEqual({ _id: 'b', v: 2 });
      });

      check('a transaction sees its own writes', async () => {
        const [c, n] = await open();
        await c.add({ _id: 'a', n: 1 });
        await c.add({ _id: 'd', n: 4 });
        const seen = await h.store.transaction(async (tx) => {
          await tx.update(n, 'a', { n: cmd.inc(1), note: '改' });
          const a = await tx.get(n, 'a');
          await tx.add(n, { _id: 'b', n: 10 });
          const b = await tx.get(n, 'b');
          await tx.set(n, 'c', { n: 20 });
          const cc = await tx.get(n, 'c');
          await tx.remove(n, 'd');
          const d = await tx.get(n, 'd');
          return { a, b, c: cc, d };
        });
        expect(seen).toEqual({
          a: { _id: 'a', n: 2, note: '改' },
          b: { _id: 'b', n: 10 },
          c: { _id: 'c', n: 20 },
          d: null,
        });
        expect(await c.get('a')).toEqual({ _id: 'a', n: 2, note: '改' });
        expect(await c.get('b')).toEqual({ _id: 'b', n: 10 });
        expect(await c.get('c')).toEqual({ _id: 'c', n: 20 });
        expect(await c.get('d')).toBeNull();
      });
    });

    describe('find', () => {
      check('find matches plain equality', async () => {
        const c = await people();
        expect(ids(await c.find({ where: { village: 'west' } }))).toEqual(['p2', 'p3', 'p6']);
        expect(ids(await c.find({ where: { village: 'west', age: 40 } }))).toEqual(['p3']);
        expect(ids(await c.find({ where: { name: '张三' } }))).toEqual(['p1']);
        expect(ids(await c.find({ where: { _id: 'p4' } }))).toEqual(['p4']);
        expect(await c.find({ where: { village: 'nowhere' } })).toEqual([]);
      });

      check('find returns whole documents', async () => {
        const c = await people();
        expect(await c.find({ where: { _id: 'p1' } })).toEqual([PEOPLE[0]]);
      });

      check('find with cmd.in matches any listed value, and an empty list matches nothing', async () => {
        const c = await people();
        expect(ids(await c.find({ where: { village: cmd.in(['east', 'north']) } }))).toEqual(['p1', 'p4', 'p5']);
        expect(ids(await c.find({ where: { _id: cmd.in(['p2', 'p6', 'nope']) } }))).toEqual(['p2', 'p6']);
        expect(await c.find({ where: { village: cmd.in([]) } })).toEqual([]);
        expect(await c.count({ village: cmd.in([]) })).toBe(0);
      });

      check('find with [cmd.gte(a), cmd.lt(b)] matches the half-open range a <= x < b', async () => {
        const c = await people();
        expect(ids(await c.find({ where: { age: [cmd.gte(25), cmd.lt(40)] } }))).toEqual(['p1', 'p2', 'p5']);
        expect(ids(await c.find({ where: { age: [cmd.gt(25), cmd.lte(40)] } }))).toEqual(['p1', 'p3', 'p5']);
        expect(ids(await c.find({ where: { age: cmd.gte(65) } }))).toEqual(['p6']);
        expect(await c.find({ where: { age: [cmd.gte(40), cmd.lt(40)] } })).toEqual([]);
      });

      check('find with cmd.neq excludes only the given value', async () => {
        const c = await people();
        expect(ids(await c.find({ where: { village: cmd.neq('west') } }))).toEqual(['p1', 'p4', 'p5']);
        expect(ids(await c.find({ where: { age: cmd.neq(30) } }))).toEqual(['p2', 'p3', 'p4', 'p6']);
      });

      check('find matches equality on booleans', async () => {
        const c = await people();
        expect(ids(await c.find({ where: { active: true } }))).toEqual(['p1', 'p3', 'p5']);
        expect(ids(await c.find({ where: { active: false } }))).toEqual(['p2', 'p4', 'p6']);
        expect(ids(await c.find({ where: { active: true, village: 'west' } }))).toEqual(['p3']);
      });

      check('boolean and number values never match each other', async () => {
        const [c] = await open();
        await c.add({ _id: 'bool', flag: true, zero: false });
        await c.add({ _id: 'num', flag: 1, zero: 0 });
        expect(ids(await c.find({ where: { flag: true } }))).toEqual(['bool']);
        expect(ids(await c.find({ where: { flag: 1 } }))).toEqual(['num']);
        expect(ids(await c.find({ where: { zero: false } }))).toEqual(['bool']);
        expect(ids(await c.find({ where: { zero: 0 } }))).toEqual(['num']);
      });

      check('find matches equality on dotted paths', async () => {
        const c = await people();
        expect(ids(await c.find({ where: { 'address.city': '杭州' } }))).toEqual(['p1', 'p3', 'p6']);
        expect(ids(await c.find({ where: { 'address.city': '宁波', active: true } }))).toEqual(['p5']);
      });

      check('orderBy sorts ascending and descending on one field', async () => {
        const c = await people();
        expect(ids(await c.find({ orderBy: [['age', 'asc']] }))).toEqual(['p4', 'p2', 'p1', 'p5', 'p3', 'p6']);
        // Ties (p1 and p5 are both 30) are broken by _id ascending in both directions.
        expect(ids(await c.find({ orderBy: [['age', 'desc']] }))).toEqual(['p6', 'p3', 'p1', 'p5', 'p2', 'p4']);
        expect(ids(await c.find({ where: { village: 'west' }, orderBy: [['age', 'desc']] }))).toEqual(['p6', 'p3', 'p2']);
      });

      check('orderBy on two fields sorts by the second within ties of the first', async () => {
        const c = await people();
        expect(
          ids(
            await c.find({
              orderBy: [
                ['village', 'asc'],
                ['age', 'desc'],
              ],
            }),
          ),
        ).toEqual(['p1', 'p4', 'p5', 'p6', 'p3', 'p2']);
        expect(
          ids(
            await c.find({
              orderBy: [
                ['village', 'desc'],
                ['age', 'asc'],
              ],
            }),
          ),
        ).toEqual(['p2', 'p3', 'p6', 'p5', 'p4', 'p1']);
      });

      check('find without orderBy returns documents in _id order', async () => {
        const [c] = await open();
        await insertMany(
          c,
          ['m', 'c', 'x', 'a', 'q'].map((_id) => ({ _id, v: 1 })),
        );
        expect(ids(await c.find())).toEqual(['a', 'c', 'm', 'q', 'x']);
      });
    });

    describe('limits and paging', () => {
      check(`find without a limit returns DEFAULT_LIMIT (${DEFAULT_LIMIT}) documents`, async () => {
        const [c] = await open();
        await insertMany(
          c,
          Array.from({ length: 150 }, (_, i) => ({ _id: `d${pad(i)}`, i })),
        );
        const found = await c.find();
        expect(found).toHaveLength(DEFAULT_LIMIT);
        expect(ids(found)).toEqual(Array.from({ length: DEFAULT_LIMIT }, (_, i) => `d${pad(i)}`));
        expect(await c.find({ skip: 140 })).toHaveLength(10);
      });

      check(`a limit of 5000 is capped at MAX_LIMIT (${MAX_LIMIT})`, async () => {
        const [c] = await open();
        await insertMany(
          c,
          Array.from({ length: 1100 }, (_, i) => ({ _id: `d${pad(i)}`, i, even: i % 2 === 0 })),
          100,
        );
        expect(await c.count()).toBe(1100);
        const found = await c.find({ limit: 5000 });
        expect(found).toHaveLength(MAX_LIMIT);
        expect(found[MAX_LIMIT - 1]._id).toBe(`d${pad(MAX_LIMIT - 1)}`);
        expect(await c.find({ limit: 5000, skip: 1000 })).toHaveLength(100);
        expect(await c.find({ where: { even: true }, limit: 5000 })).toHaveLength(550);
      });

      check('readAll reads every match past MAX_LIMIT, in order', async () => {
        const [c] = await open();
        await insertMany(
          c,
          Array.from({ length: 2300 }, (_, i) => ({ _id: `d${pad(i)}`, i, odd: i % 2 === 1 })),
          100,
        );
        const all = await readAll(c, { orderBy: [['i', 'desc']] });
        expect(all).toHaveLength(2300);
        expect(all[0]._id).toBe('d2299');
        expect(all[2299]._id).toBe('d0000');
        expect(await readAll(c, { where: { odd: true } })).toHaveLength(1150);
      });

      check('paging with skip and limit over equal sort keys visits every document once, in the order of one big query', async () => {
        const [c] = await open();
        // Generated ids, inserted in no particular order, all with the same sort key.
        const total = 61;
        await insertMany(
          c,
          Array.from({ length: total }, () => ({ _id: randomBytes(6).toString('hex'), group: 'same', rank: 1 })),
        );
        const query = { where: { group: 'same' }, orderBy: [['rank', 'asc']] as [string, 'asc' | 'desc'][] };
        const all = ids(await c.find({ ...query, limit: MAX_LIMIT }));
        expect(all).toHaveLength(total);
        const paged: string[] = [];
        for (let skip = 0; ; skip += 7) {
          const page = await c.find({ ...query, skip, limit: 7 });
          paged.push(...ids(page));
          if (page.length < 7) break;
        }
        expect(paged).toEqual(all);
        expect(new Set(paged).size).toBe(total);

        // The same holds sorting descending on the shared key.
        const desc = { ...query, orderBy: [['rank', 'desc']] as [string, 'asc' | 'desc'][] };
        const allDesc = ids(await c.find({ ...desc, limit: MAX_LIMIT }));
        const pagedDesc: string[] = [];
        for (let skip = 0; skip < total; skip += 7) pagedDesc.push(...ids(await c.find({ ...desc, skip, limit: 7 })));
        expect(pagedDesc).toEqual(allDesc);
        expect(new Set(pagedDesc).size).toBe(total);
      });

      check('count counts every document without a where and only the matching ones with a where', async () => {
        const [empty] = await open('nothing');
        expect(await empty.count()).toBe(0);
        const c = await people();
        expect(await c.count()).toBe(PEOPLE.length);
        expect(await c.count({})).toBe(PEOPLE.length);
        expect(await c.count({ village: 'west' })).toBe(3);
        expect(await c.count({ active: true, age: [cmd.gte(30), cmd.lt(41)] })).toBe(3);
        expect(await c.count({ 'address.city': '温州' })).toBe(1);
        expect(await c.count({ village: 'nowhere' })).toBe(0);
      });
    });

    describe('hostile input', () => {
      check('field names that look like injection are rejected with INVALID in where, orderBy and count', async () => {
        const c = await people();
        for (const field of HOSTILE_FIELDS) {
          const where: Where = { [field]: 'x' };
          await expectStoreError(c.find({ where }), 'INVALID');
          await expectStoreError(c.count(where), 'INVALID');
          await expectStoreError(c.find({ where: { [field]: cmd.neq('x') } }), 'INVALID');
          await expectStoreError(c.find({ orderBy: [[field, 'asc']] }), 'INVALID');
        }
        // Nothing was executed: every document is still there.
        expect(await c.count()).toBe(PEOPLE.length);
      });

      check('a string value that looks like an operator matches nothing', async () => {
        const c = await people();
        for (const value of ['{"$gt":""}', '{"$ne":null}', "' OR '1'='1", '%', '*']) {
          expect(await c.find({ where: { name: value } })).toEqual([]);
          expect(await c.count({ name: value })).toBe(0);
          expect(await c.find({ where: { name: cmd.in([value]) } })).toEqual([]);
        }
      });

      check('a plain object passed as an equality value matches nothing rather than everything', async () => {
        const c = await people();
        for (const value of [{ $gt: '' }, { $ne: null }, { op: 'neq', value: 'nobody' }]) {
          const where = { name: value as unknown as Scalar };
          // Refusing the query is as safe as an empty answer, so a rejection counts as "nothing";
          // returning documents is not. (Whether the refusal is a StoreError is the next test.)
          expect(await c.find({ where }).then(ids, () => [])).toEqual([]);
          expect(await c.count(where).catch(() => 0)).toBe(0);
        }
      });

      check('a plain object passed as an equality value is rejected with INVALID', async () => {
        const c = await people();
        await expectStoreError(c.find({ where: { name: { $gt: '' } as unknown as Scalar } }), 'INVALID');
        await expectStoreError(c.count({ name: { $gt: '' } as unknown as Scalar }), 'INVALID');
      });

      check('a string equal to the JSON text of an object or array field does not match that field', async () => {
        const [c] = await open();
        await c.add({ _id: 'obj', v: { $gt: '' } });
        await c.add({ _id: 'arr', v: ['a', 'b'] });
        expect(await c.find({ where: { v: '{"$gt":""}' } })).toEqual([]);
        expect(await c.find({ where: { v: '["a","b"]' } })).toEqual([]);
      });
    });

    // A misspelt known bug would silently stop marking anything.
    const stray = knownBugs.filter((t) => !titles.has(t));
    if (stray.length) throw new Error(`knownBugs names no test of the contract: ${stray.join(' | ')}`);
  });
}

// --- SQLite: always ------------------------------------------------------------------------

contract(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docstore-contract-'));
    const store = new SqliteDocStore(join(dir, 'store.db'));
    return {
      store,
      name: async (base) => base,
      close: async () => {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  {},
);

// --- CloudBase emulated: always --------------------------------------------------------------
// The adapter's code and the real SDK, over HTTP to an emulator that answers as CloudBase
// documents it (tests/emulator/cloudbase; docs/cloudbase-emulator.md).

describe('on the CloudBase emulator', () => {
  let emu: CloudBaseEmulator;
  let restore: () => void;
  let db: CloudBaseDb;
  let made = 0;
  beforeAll(async () => {
    emu = await startCloudBaseEmulator({ collections: [], latencyMs: 0 });
    restore = pointSdkAt(emu);
    db = sdkDatabase() as CloudBaseDb;
  });
  afterAll(async () => {
    restore();
    await emu.stop();
  });

  contract(
    'CloudBase (emulated)',
    async () => ({
      store: new CloudBaseDocStore(db),
      // A fresh collection per test, created as the deploy step creates them.
      name: async (base) => {
        const n = `${base}_${++made}`;
        await db.createCollection(n);
        return n;
      },
      close: async () => undefined,
    }),
    { timeout: 60_000, everyTransactionCommits: false, contention: 60 },
  );

  it('writing to a collection nobody created fails, as on CloudBase', async () => {
    const store = new CloudBaseDocStore(db);
    await expect(store.collection('never_created').add({ _id: 'x' })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });
});

// --- CloudBase: only with credentials ------------------------------------------------------

const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;

if (TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY) {
  // Collections outlive the run (the SDK cannot drop them), so they are named per run and
  // emptied before each test that uses them.
  const run = randomBytes(4).toString('hex');
  const created = new Set<string>();
  let db: CloudBaseDb | undefined;

  contract(
    'CloudBase',
    async () => {
      if (!db) {
        // Required here, never at the top: loading the SDK without credentials can crash node.
        const tcb = require('@cloudbase/node-sdk') as typeof import('@cloudbase/node-sdk');
        db = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database() as unknown as CloudBaseDb;
      }
      const d = db;
      return {
        store: new CloudBaseDocStore(d),
        name: async (base) => {
          const n = `contract_${run}_${base}`;
          if (!created.has(n)) {
            await d.createCollection(n).catch(() => undefined);
            created.add(n);
          }
          await d
            .collection(n)
            .where({ _id: d.command.exists(true) })
            .remove();
          return n;
        },
        close: async () => undefined,
      };
    },
    { timeout: 300_000, everyTransactionCommits: false },
  );
} else {
  describe.skip('DocStore contract on CloudBase (skipped: set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run)', () => {
    it('runs the whole DocStore contract against a real CloudBase environment', () => undefined);
  });
}

/** The bits of the SDK's database object this file touches directly. */
interface CloudBaseDb {
  createCollection(name: string): Promise<unknown>;
  collection(name: string): { where(q: Record<string, unknown>): { remove(): Promise<unknown> } };
  command: { exists(v: boolean): unknown };
}
