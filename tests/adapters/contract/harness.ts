/**
 * The DocStore contract (cloudfunctions/ports/docstore.ts), written once and run against every
 * adapter: always against SQLite (a fresh file per test) and the CloudBase emulator, and against
 * real CloudBase when TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are set. Anything the code relies
 * on from the store belongs in the contract, so the local host and the cloud cannot drift apart
 * unnoticed. The cases live by topic in tests/adapters/docstore-*.contract.test.ts; each file hands
 * its topic to `runContract`, which runs it over every adapter defined here.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudBaseDocStore } from '../../../cloudfunctions/adapters/cloudbase/docstore';
import { SqliteDocStore } from '../../../cloudfunctions/adapters/local/sqlite-docstore';
import { type Collection, type Doc, type DocStore, StoreError, type StoreErrorCode } from '../../../cloudfunctions/ports/docstore';
import { type CloudBaseEmulator, startCloudBaseEmulator } from '../../emulator/cloudbase/server';
import { pointSdkAt, sdkDatabase } from '../../emulator/cloudbase/sdk-env';

/** One store for one test. */
export interface Harness {
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
   * Titles of tests this adapter is known to fail, by topic. They run as `it.failing`, so the suite
   * stays green while the bug is open and turns red the moment it is fixed (then drop the entry).
   */
  knownBugs?: Readonly<Record<string, readonly string[]>>;
  /**
   * Whether every one of the racing transactions on one document commits. SQLite takes them one at a time; on
   * CloudBase they conflict and retry with backoff, and under load a few may give up (ABORTED)
   * — which is why the app keeps busy counts on several documents (core/matters/tally.ts).
   */
  everyTransactionCommits?: boolean;
}

/** What a topic's cases get: the test registrar, per-test store access, and the adapter's limits. */
export interface ContractContext {
  /** Registers one case (as `it.failing` when it is a known bug of this adapter). */
  check(title: string, fn: () => Promise<void>): void;
  /** The current test's store; only valid inside a case. */
  harness(): Harness;
  /** A fresh collection for `base` and its real name. */
  open<T extends Doc = Doc>(base?: string): Promise<[Collection<T>, string]>;
  /** A fresh `people` collection holding PEOPLE. */
  people(): Promise<Collection<Person>>;
  contention: number;
  everyTransactionCommits: boolean;
}

/** Resolves to the StoreError the promise rejected with; fails the test if it resolved or threw anything else. */
export async function storeError(p: Promise<unknown>): Promise<StoreError> {
  const outcome = await p.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`expected a StoreError, but it resolved to ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(StoreError);
  return outcome.error as StoreError;
}

export async function expectStoreError(p: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  expect((await storeError(p)).code).toBe(code);
}

/** Inserts in parallel batches: fast on SQLite, and within CloudBase's request limits. */
export async function insertMany(c: Collection, docs: Doc[], batch = 50): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    await Promise.all(docs.slice(i, i + batch).map((d) => c.add(d)));
  }
}

export const ids = (docs: Doc[]) => docs.map((d) => d._id);
export const pad = (n: number) => String(n).padStart(4, '0');

export type Person = Doc & {
  name: string;
  age: number;
  active: boolean;
  village: string;
  address: { city: string };
};

/** Small fixture for the query tests: ages, villages and flags chosen so each query has a unique answer. */
export const PEOPLE: Person[] = [
  { _id: 'p1', name: '张三', age: 30, active: true, village: 'east', address: { city: '杭州' } },
  { _id: 'p2', name: '李四', age: 25, active: false, village: 'west', address: { city: '宁波' } },
  { _id: 'p3', name: '王五', age: 40, active: true, village: 'west', address: { city: '杭州' } },
  { _id: 'p4', name: '赵六', age: 18, active: false, village: 'east', address: { city: '温州' } },
  { _id: 'p5', name: 'Alice', age: 30, active: true, village: 'north', address: { city: '宁波' } },
  { _id: 'p6', name: 'Bob', age: 65, active: false, village: 'west', address: { city: '杭州' } },
];

/** Field names that are not plain dotted identifiers: they must be refused, never spliced into a query. */
export const HOSTILE_FIELDS = ["a') OR 1=1 --", '$where', "name' OR '1'='1", 'age; DROP TABLE c_people', 'a..b', 'address.$gt'];

function contract(name: string, topic: string, makeStore: () => Promise<Harness>, cases: (t: ContractContext) => void, options: ContractOptions = {}): void {
  const { timeout, knownBugs = {}, everyTransactionCommits = true, contention = 200 } = options;
  const bugs = knownBugs[topic] ?? [];
  const titles = new Set<string>();
  const check = (title: string, fn: () => Promise<void>) => {
    titles.add(title);
    (bugs.includes(title) ? it.failing : it)(title, fn, timeout);
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

    describe(topic, () => cases({ check, harness: () => h, open, people, contention, everyTransactionCommits }));

    // A misspelt known bug would silently stop marking anything.
    const stray = bugs.filter((t) => !titles.has(t));
    if (stray.length) throw new Error(`knownBugs names no test of the contract: ${stray.join(' | ')}`);
  });
}

/** The bits of the SDK's database object the harness touches directly. */
export interface CloudBaseDb {
  createCollection(name: string): Promise<unknown>;
  collection(name: string): { where(q: Record<string, unknown>): { remove(): Promise<unknown> } };
  command: { exists(v: boolean): unknown };
}

/**
 * Runs inside a describe with a CloudBase emulator up for the whole file: the adapter's code and the
 * real SDK, over HTTP to an emulator that answers as CloudBase documents it (tests/emulator/cloudbase;
 * docs/cloudbase-emulator.md). `body` gets the SDK database once the emulator is up.
 */
export function onCloudBaseEmulator(body: (db: () => CloudBaseDb) => void): void {
  describe('on the CloudBase emulator', () => {
    let emu: CloudBaseEmulator;
    let restore: () => void;
    let db: CloudBaseDb;
    beforeAll(async () => {
      emu = await startCloudBaseEmulator({ collections: [], latencyMs: 0 });
      restore = pointSdkAt(emu);
      db = sdkDatabase() as CloudBaseDb;
    });
    afterAll(async () => {
      restore();
      await emu.stop();
    });
    body(() => db);
  });
}

/** Whether real CloudBase credentials are set, so the contract also runs against the cloud. */
export const hasCloudBaseCredentials = Boolean(process.env.TCB_ENV_ID && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY);

/** Runs one topic of the contract over every adapter. */
export function runContract(topic: string, cases: (t: ContractContext) => void): void {
  // --- SQLite: always ------------------------------------------------------------------------
  contract(
    'SQLite',
    topic,
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
    cases,
    {},
  );

  // --- CloudBase emulated: always ------------------------------------------------------------
  onCloudBaseEmulator((db) => {
    let made = 0;
    contract(
      'CloudBase (emulated)',
      topic,
      async () => ({
        store: new CloudBaseDocStore(db()),
        // A fresh collection per test, created as the deploy step creates them.
        name: async (base) => {
          const n = `${base}_${++made}`;
          await db().createCollection(n);
          return n;
        },
        close: async () => undefined,
      }),
      cases,
      { timeout: 60_000, everyTransactionCommits: false, contention: 60 },
    );
  });

  // --- CloudBase: only with credentials ------------------------------------------------------
  // (docstore-cloudbase.contract.test.ts says once, as a skipped test, when it does not run.)
  if (hasCloudBaseCredentials) {
    const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env;
    // Collections outlive the run (the SDK cannot drop them), so they are named per run and
    // emptied before each test that uses them.
    const run = randomBytes(4).toString('hex');
    const created = new Set<string>();
    let db: CloudBaseDb | undefined;

    contract(
      'CloudBase',
      topic,
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
      cases,
      { timeout: 300_000, everyTransactionCommits: false },
    );
  }
}
