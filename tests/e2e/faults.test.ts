import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pLimit from 'p-limit';
import { SqliteDocStore } from '../../cloudfunctions/adapters/local/sqlite-docstore';
import { C, INDEXES } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { loadIdKey } from '../../cloudfunctions/host/id-key';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { personLike } from '../helpers/people';
import { ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { E2E_LAST_MONTH, E2E_NOW, ROOT } from './app';
import { startHostProcess } from '../../scripts/lib/host-process';

/**
 * The local host killed with SIGKILL in the middle of a burst of writes — ballots from 300
 * voters and a ledger import — then started again on the same data: the SQLite file passes its
 * integrity check, every write that was acknowledged is there, the import is all there or not
 * at all, the tally equals a recount and the audit chain verifies.
 */
jest.setTimeout(180000);

const VOTERS = 300;
// The month the demo leaves open for the 会计 at E2E_NOW: an import into it is accepted.
const MONTH = E2E_LAST_MONTH.key;
const DAY = 24 * 3600 * 1000;
let dataDir = '';
let host: ChildProcess | null = null;
let base = '';

async function start(): Promise<void> {
  const started = await startHostProcess({ dataDir, now: E2E_NOW, timeoutMs: 60_000 });
  base = started.base;
  host = started.child;
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  const child = host;
  // Killed by a signal, a child has no exit code but a signal code: either means it is gone.
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
  host = null;
}

async function call(fn: string, action: string, data: unknown, persona?: string): Promise<{ ok: boolean; data?: any; error?: { code: string } }> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    // A request caught by the kill must fail, not hang.
    signal: AbortSignal.timeout(15000),
    headers: { 'content-type': 'application/json', ...(persona ? { 'x-dev-persona': persona } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return res.json();
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'host', 'main.js'))) throw new Error('Build first: npm run build:functions (npm test does it).');
  dataDir = mkdtempSync(join(tmpdir(), 'sv-faults-'));
  // First start seeds the demo township; then 300 party members with accounts are added offline.
  await start();
  await stop('SIGTERM');
  const store = new SqliteDocStore(join(dataDir, 'sunlit.db'), INDEXES);
  const idKey = loadIdKey(dataDir);
  const people = store.collection<PersonDoc>(C.people);
  const template = (await people.find({ where: { villageId: 'yangjia', inRoster: true }, limit: 1 }))[0];
  for (const p of await people.find({ where: { villageId: 'yangjia', partyMember: true }, limit: 100 })) await people.update(p._id, { partyMember: false });
  for (let i = 0; i < VOTERS; i += 1) {
    const openid = `fault-openid-${i}`;
    const id = `yangjia:fault${i}`;
    await people.set(
      id,
      personLike(
        template,
        id,
        { name: `党员${i}`, nameKey: `党员${i}`, householdNo: `F${i}`, partyMember: true, representative: false, assignedRoles: [], boundOpenid: openid },
        idKey,
      ) as never,
    );
    await store.collection(C.bindings).set(`yangjia:${openid}`, { villageId: 'yangjia', openid, personId: id, boundAt: E2E_NOW });
    await store.collection(PERSONAS).set(`fault-${i}`, { label: `党员${i}`, openid, villageId: 'yangjia', roles: [] });
  }
  store.close();
  await start();
});

afterAll(async () => {
  await stop('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('keeps every acknowledged write, and nothing half-done, across a kill -9 in a burst of writes', async () => {
  let m = (
    await call(
      'matters',
      'propose',
      { villageId: 'yangjia', title: '集体林地流转', summary: '村北集体林地流转给合作社经营，期限十年。', decisionBody: 'representatives' },
      'yangjia-secretary',
    )
  ).data;
  m = (await call('matters', 'discuss', { villageId: 'yangjia', matterId: m.id, agreed: true, record: '两委同意提交党员大会审议。' }, 'yangjia-secretary'))
    .data;
  m = (
    await call(
      'matters',
      'openVote',
      { villageId: 'yangjia', matterId: m.id, closesAt: new Date(Date.parse(E2E_NOW) + 3 * DAY).toISOString() },
      'yangjia-secretary',
    )
  ).data;
  const meetingId: string = m.meetings[0].id;
  expect(m.meetings[0].eligible).toBe(VOTERS);
  // The ledger file goes to storage first, as the page sends it; the import names its id.
  const sent = await fetch(`${base}/upload/yangjia/ledger`, {
    method: 'POST',
    headers: { 'x-dev-persona': 'yangjia-accountant' },
    body: Buffer.from(await ledgerXlsx(ledgerLines(MONTH, 400)), 'base64'),
  });
  const file = { villageId: 'yangjia', fileName: '10月.xlsx', fileId: ((await sent.json()) as { data: { fileId: string } }).data.fileId };

  const peek = new Database(join(dataDir, 'sunlit.db'), { readonly: true });
  const importsBefore = (peek.prepare(`SELECT count(*) AS n FROM c_ledger_imports WHERE json_extract(data, '$.villageId') = 'yangjia'`).get() as { n: number })
    .n;
  peek.close();

  const acknowledged: number[] = [];
  let importAcknowledged = false;
  let killed = false;
  // Voters keep arriving, IN_FLIGHT at a time, so the kill always lands mid-burst: a fast host
  // could otherwise answer all 300 before the client has read the first hundred answers, and
  // the ballots sent after the kill meet a dead host.
  const IN_FLIGHT = 20;
  const arrive = pLimit(IN_FLIGHT);
  const attempts = Array.from({ length: VOTERS }, (_, i) =>
    arrive(() => call('matters', 'vote', { villageId: 'yangjia', meetingId, choice: i % 2 ? '同意' : '不同意' }, `fault-${i}`))
      .then((r) => {
        if (r.ok) acknowledged.push(i);
        if (acknowledged.length >= VOTERS / 3 && !killed) {
          killed = true;
          host?.kill('SIGKILL');
        }
      })
      .catch(() => undefined),
  );
  const ledger = call('finance', 'commitImport', file, 'yangjia-accountant')
    .then((r) => {
      importAcknowledged = r.ok;
    })
    .catch(() => undefined);
  await Promise.all([...attempts, ledger]);
  // Killed mid-burst: some writes were acknowledged, not all.
  expect(killed).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(VOTERS / 3);
  expect(acknowledged.length).toBeLessThanOrEqual(VOTERS / 3 + IN_FLIGHT);
  await stop('SIGKILL');

  const db = new Database(join(dataDir, 'sunlit.db'));
  expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  db.close();

  await start();
  const store = new SqliteDocStore(join(dataDir, 'sunlit.db'), INDEXES);
  try {
    for (const i of acknowledged) expect(await store.collection(C.voteMarks).get(`${meetingId}:yangjia:fault${i}`)).not.toBeNull();
    const rows = await store.collection(C.ledgerRows).count({ villageId: 'yangjia', month: MONTH });
    expect([0, 400]).toContain(rows);
    if (importAcknowledged) expect(rows).toBe(400);
    expect(await store.collection(C.ledgerImports).count({ villageId: 'yangjia' })).toBe(importsBefore + (rows ? 1 : 0));
  } finally {
    store.close();
  }
  const recount = await call('matters', 'recount', { villageId: 'yangjia', meetingId }, 'yangjia-supervisor');
  expect(recount.data).toMatchObject({ matches: true });
  expect(recount.data.present).toBeGreaterThanOrEqual(acknowledged.length);
  const chain = await call('identity', 'auditVerify', { villageId: 'yangjia' }, 'yangjia-supervisor');
  expect(chain.data).toMatchObject({ ok: true });
  // The host takes writes again.
  const after = await call('matters', 'vote', { villageId: 'yangjia', meetingId, choice: '同意' }, `fault-${VOTERS - 1}`);
  expect(after.ok || after.error?.code === 'CONFLICT').toBe(true);
});
