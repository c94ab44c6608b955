/**
 * `npm run bench:votes`: ballots cast per second over HTTP by 100 concurrent clients against the
 * local host as `npm start` runs it (dist/host/main.js, its own process), next to raw SQLite
 * inserts per second (one commit each, same pragmas) in the same run; then every ballot is
 * checked: lost (acknowledged but absent) and doubled (two for one person) must both be 0, and
 * the tallies must equal a recount from the ballots.
 *
 * Setup: four villages of 3,000 people with every adult's WeChat bound, a matter in each
 * through 提议 → 商议 → 审议, and a 村民会议 vote open. One voter in ten taps twice at once.
 * Needs `npm run build:functions` first.
 *
 * Flags: --clients N (default 100) --villages N (default 4) --roster N (people a village, default 3,000)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SqliteDocStore } from '../cloudfunctions/adapters/local/sqlite-docstore';
import { C, INDEXES } from '../cloudfunctions/core/collections';
import type { ElectorDoc } from '../cloudfunctions/core/matters/model';
import { discuss, propose } from '../cloudfunctions/core/matters/proposals';
import { recordInPerson } from '../cloudfunctions/core/matters/ballots';
import { close } from '../cloudfunctions/core/matters/closing';
import { openVote } from '../cloudfunctions/core/matters/opening';
import { loadIdKey } from '../cloudfunctions/host/id-key';
import { PERSONAS } from '../cloudfunctions/host/personas';
import { FULL_SCALE, seedScale, scaleVillages } from '../cloudfunctions/host/scale-seed';
import { demoPorts } from '../cloudfunctions/host/seed';
import { clockFrom, MovableClock } from '../cloudfunctions/ports/clock';
import { machine } from './lib/bench-util';
import { cloudVotes } from './lib/cloud-votes';
import { freePort, startHostProcess } from './lib/host-process';

const { values } = parseArgs({ options: { clients: { type: 'string' }, villages: { type: 'string' }, roster: { type: 'string' }, now: { type: 'string' } } });
// --now (or SUNLIT_NOW) pins the date for the seed and the host alike.
const PINNED = values.now ?? process.env.SUNLIT_NOW;
const CLIENTS = Number(values.clients ?? 100);
const VILLAGES = Number(values.villages ?? 4);
const ROSTER = Number(values.roster ?? 3_000);
const AIM = 1_000;
const root = resolve(__dirname, '..');
const DAY = 24 * 3600 * 1000;

interface Task {
  villageId: string;
  meetingId: string;
  persona: string;
  personId: string;
  choice: '同意' | '不同意' | '弃权';
}

/** Prepares the villages and open votes; returns one task per online voter. */
async function prepare(dir: string): Promise<{ tasks: Task[]; meetings: Map<string, string> }> {
  const store = new SqliteDocStore(join(dir, 'sunlit.db'), INDEXES);
  const idKey = loadIdKey(dir);
  const now = clockFrom(PINNED).now();
  const o = { ...FULL_SCALE, villages: VILLAGES, years: 0, tickets: 0, votes: 0, rosterMin: ROSTER, rosterMax: ROSTER, boundShare: 1 };
  await seedScale(store, now, idKey, o);
  const tasks: Task[] = [];
  const meetings = new Map<string, string>();
  const clock = new MovableClock(now);
  for (const v of scaleVillages(o)) {
    const as = (key: string) => demoPorts(store, clock, idKey, `scale-openid-${v.id}-${key}`);
    const m = await propose(as('secretary'), {
      villageId: v.id,
      title: '硬化村内主街',
      summary: '主街 1.2 公里硬化，经费由财政奖补和村集体收入承担。',
      decisionBody: 'villagers',
    });
    await discuss(as('director'), { villageId: v.id, matterId: m.id, agreed: true, record: '两委同意，提交党员大会审议。' });
    const reviewed = await openVote(as('secretary'), { villageId: v.id, matterId: m.id, closesAt: new Date(now.getTime() + 3 * DAY).toISOString() });
    const people = await store.collection<ElectorDoc>(C.voteElectors).find({ where: { meetingId: reviewed.meetings[0].id }, limit: 1000 });
    for (const p of people)
      await recordInPerson(as('supervisor'), { villageId: v.id, meetingId: reviewed.meetings[0].id, personId: p.personId, choice: '同意' });
    await close(as('supervisor'), { villageId: v.id, meetingId: reviewed.meetings[0].id });
    const deciding = await openVote(as('secretary'), { villageId: v.id, matterId: m.id, closesAt: new Date(now.getTime() + 5 * DAY).toISOString() });
    const meetingId = deciding.meetings[1].id;
    meetings.set(v.id, meetingId);
    const electors: ElectorDoc[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await store.collection<ElectorDoc>(C.voteElectors).find({ where: { meetingId }, skip, limit: 1000 });
      electors.push(...page);
      if (page.length < 1000) break;
    }
    for (const [n, e] of electors.entries()) {
      if (!e.openid) continue;
      const persona = `bench-${v.id}-${n}`;
      await store.collection(PERSONAS).set(persona, { label: e.name, openid: e.openid, villageId: v.id, roles: [] });
      tasks.push({ villageId: v.id, meetingId, persona, personId: e.personId, choice: n % 9 === 4 ? '不同意' : n % 13 === 6 ? '弃权' : '同意' });
    }
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { tasks, meetings };
}

/** Raw better-sqlite3 inserts of vote-sized rows, one commit each, on a file with the store's pragmas. */
function rawInsertsPerSecond(dir: string, n: number): number {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID');
  const ins = db.prepare('INSERT INTO t (id, rev, data) VALUES (?, 1, ?)');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1)
    ins.run(`m1:${i}`, JSON.stringify({ meetingId: 'm1', choice: '同意', receipt: `${i}`.padStart(12, '0'), at: new Date().toISOString() }));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return n / secs;
}

async function main(): Promise<void> {
  const hostMain = join(root, 'dist', 'host', 'main.js');
  if (!existsSync(hostMain)) throw new Error(`${hostMain} 不存在：请先运行 npm run build:functions`);
  const dir = mkdtempSync(join(tmpdir(), 'sv-votes-'));
  console.log(`准备 ${VILLAGES} 个村的村民会议表决……`);
  const { tasks, meetings } = await prepare(dir);
  // One voter in ten taps twice: both taps go out together, from two clients.
  const queue: Task[] = [];
  for (const [i, t] of tasks.entries()) {
    queue.push(t);
    if (i % 10 === 3) queue.push(t);
  }

  const port = await freePort();
  const started = await startHostProcess({
    dataDir: dir,
    port,
    now: PINNED,
    staticDir: join(dir, 'no-h5'),
    nodeArgs: (process.env.BENCH_HOST_ARGS ?? '').split(' ').filter(Boolean),
  });
  const host = started.child;
  // node:http with one keep-alive connection per client: fetch (undici) spends more CPU per
  // request than the host does, and on a small machine it would be the client that was measured.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const call = (persona: string, action: string, data: unknown) =>
    new Promise<{ ok: boolean; data?: { matches?: boolean }; error?: { code: string; message: string } }>((res, rej) => {
      const body = JSON.stringify({ action, data });
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/matters',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-dev-persona': persona },
        },
        (r) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (text += c));
          r.on('end', () => res(JSON.parse(text)));
        },
      );
      req.on('error', rej);
      req.end(body);
    });

  const accepted = new Map<string, number>();
  const codes = new Map<string, number>();
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < queue.length) {
        const t = queue[next++];
        const r = await call(t.persona, 'vote', { villageId: t.villageId, meetingId: t.meetingId, choice: t.choice });
        if (r.ok) accepted.set(t.personId, (accepted.get(t.personId) ?? 0) + 1);
        else codes.set(r.error?.code ?? '?', (codes.get(r.error?.code ?? '?') ?? 0) + 1);
      }
    }),
  );
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;

  // Every acknowledged vote must be there once; nobody twice; tallies equal the recount.
  const recounts: boolean[] = [];
  for (const [v, meetingId] of meetings) {
    const r = await call(`${v}-supervisor`, 'recount', { villageId: v, meetingId });
    recounts.push(r.ok && r.data?.matches === true);
  }
  agent.destroy();
  host.kill('SIGTERM');
  await new Promise((r) => host.on('exit', r));
  const db = new Database(join(dir, 'sunlit.db'), { readonly: true });
  const marked = new Set((db.prepare(`SELECT json_extract(data, '$.personId') AS p FROM "c_vote_marks"`).all() as { p: string }[]).map((r) => r.p));
  const ballots = (
    db
      .prepare(`SELECT COUNT(*) AS n FROM "c_ballots" WHERE json_extract(data, '$.meetingId') IN (${[...meetings.values()].map(() => '?').join(',')})`)
      .get(...meetings.values()) as { n: number }
  ).n;
  db.close();
  const okCount = [...accepted.values()].reduce((a, b) => a + b, 0);
  const lost = [...accepted.keys()].filter((p) => !marked.has(p)).length + Math.max(0, okCount - ballots);
  const doubled = [...accepted.values()].filter((n) => n > 1).length + Math.max(0, ballots - accepted.size);
  const raw = rawInsertsPerSecond(dir, 20_000);
  rmSync(dir, { recursive: true, force: true });

  console.log('表决吞吐（HTTP，本地主机独立进程）');
  console.log(`  机器：${machine()}`);
  console.log(`  ${CLIENTS} 个并发客户端，${tasks.length} 位村民在线投票（其中每十人一人同时点两次），共 ${queue.length} 个请求，用时 ${secs.toFixed(2)} 秒`);
  console.log(`  成功投票 ${okCount} 张：${(okCount / secs).toFixed(0)} 票/秒；请求 ${(queue.length / secs).toFixed(0)} 次/秒`);
  console.log(`  被拒绝：${[...codes.entries()].map(([c, n]) => `${c} ${n}`).join('，') || '无'}`);
  console.log(`  丢失 ${lost} 张，重复 ${doubled} 张；计票与逐张复核${recounts.every(Boolean) ? '一致' : '不一致'}（${recounts.length} 场）`);
  console.log(`  底线：裸 SQLite 单条提交插入 ${raw.toFixed(0)} 行/秒（同样的 WAL 与同步设置）`);
  console.log(`  目标 ≥ ${AIM} 票/秒：${okCount / secs >= AIM ? '达到' : '未达到'}`);

  // The same burst on the CloudBase path: a village, its 村民会议, the voters all at once.
  const cloud = await cloudVotes({ now: clockFrom(PINNED).now(), roster: Math.min(ROSTER, 600), clients: CLIENTS });
  console.log('表决吞吐（云开发模拟环境：真实 SDK，每次请求往返延迟）');
  console.log(`  ${cloud.clients} 位村民同时投票，每次数据库请求 ${cloud.latencyMs} 毫秒：成功 ${cloud.accepted} 张，${cloud.votesPerSecond.toFixed(1)} 票/秒`);
  console.log(
    `  被拒绝：${[...cloud.refused.entries()].map(([c, n]) => `${c} ${n}`).join('，') || '无'}；计票与逐张复核${cloud.recountMatches ? '一致' : '不一致'}`,
  );
  console.log('  （云函数、SDK 与模拟环境同在一个进程；云开发上每个并发调用有自己的实例，这个数是下限）');
  if (lost || doubled || !recounts.every(Boolean) || cloud.accepted !== cloud.clients || !cloud.recountMatches) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
