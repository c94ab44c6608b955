/**
 * `npm run bench:server`: server time (p50/p95/p99) of the pages villagers and the township open
 * most (with the village's 资产与资源 and the township's 三资 warnings), on the scale township
 * (`npm run seed:scale`; seeded first if missing), each next to a raw SQLite point read and
 * indexed range read on the same file in the same run — the floor.
 *
 * The host runs in this process on the scale file; every request goes over HTTP like the H5
 * app's, one at a time, and the figure is the host's own Server-Timing (request in → envelope
 * out), so the client's share is not counted. A page's time is the sum of the calls it makes.
 *
 * Flags: --dir <folder> (default .data/scale) --samples N (per page, default 400)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DiskFiles } from '../cloudfunctions/adapters/local/disk-files';
import { SqliteDocStore } from '../cloudfunctions/adapters/local/sqlite-docstore';
import { C, INDEXES } from '../cloudfunctions/core/collections';
import { lastEndedQuarter } from '../cloudfunctions/core/disclosure/rules';
import { quarterOfMonth, yearOfMonth } from '../cloudfunctions/core/finance/rules';
import { functions } from '../cloudfunctions/functions/registry';
import { loadIdKey } from '../cloudfunctions/host/id-key';
import { SCALE_META, SCALE_TOWNSHIP, type ScaleMeta } from '../cloudfunctions/host/scale-seed';
import { createHost } from '../cloudfunctions/host/server';
import { MovableClock } from '../cloudfunctions/ports/clock';
import { machine, ms, row, spread, type Spread } from './lib/bench-util';

const { values } = parseArgs({ options: { dir: { type: 'string' }, samples: { type: 'string' } } });
const root = resolve(__dirname, '..');
const dir = resolve(values.dir ?? join(root, '.data', 'scale'));
const file = join(dir, 'sunlit.db');
const SAMPLES = Number(values.samples ?? 400);
const AIM_MS = 20;

type Call = [fn: string, action: string, data: Record<string, unknown>];

async function main(): Promise<void> {
  if (!existsSync(file)) {
    console.log(`未找到规模数据 ${file}，先生成（约 15–25 分钟）……`);
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'seed-scale.ts'), '--dir', dir, '--quiet'], { stdio: 'inherit' });
  }
  const store = new SqliteDocStore(file, INDEXES);
  const meta = await store.collection<ScaleMeta>(SCALE_META).get('scale');
  if (!meta) throw new Error(`${file} 不是 seed:scale 生成的数据（缺少 ${SCALE_META}）。请运行 npm run seed:scale -- --force`);
  const clock = new MovableClock(new Date(meta.now));
  const scratch = mkdtempSync(join(tmpdir(), 'sv-bench-'));
  const server = createHost({ store, clock, functions, idKey: loadIdKey(dir), files: new DiskFiles(join(scratch, 'files')) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function serverTime([fn, action, data]: Call, persona: string): Promise<number> {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-persona': persona },
      body: JSON.stringify({ action, data }),
    });
    const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
    if (!body.ok) throw new Error(`${fn}.${action} ${JSON.stringify(data)}: ${body.error?.code} ${body.error?.message}`);
    const timing = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
    if (!timing) throw new Error('the host sent no Server-Timing header');
    return Number(timing[1]);
  }

  const villages = meta.villages;
  const reporting = lastEndedQuarter(clock.now());
  const latestMonth = meta.months[meta.months.length - 1];
  const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];
  // A township page reads every village: it is measured fewer times (a quarter, at least 50).
  const pages: { name: string; persona: (i: number) => string; calls: (i: number) => Call[]; township?: true }[] = [
    {
      name: '村首页（扫码进入）',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => {
        const v = pick(villages, i);
        return [
          ['village', 'resolveCode', { code: `sc-${v}` }],
          ['village', 'get', { villageId: v }],
          ['disclosure', 'quarter', { villageId: v, quarter: reporting }],
        ];
      },
    },
    {
      name: '季度公开（往季）',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => {
        const v = pick(villages, i);
        return [
          ['disclosure', 'quarters', { villageId: v }],
          ['disclosure', 'quarter', { villageId: v, quarter: pick(meta.quarters, i + 3) }],
        ];
      },
    },
    {
      name: '钱袋子（进入）',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => {
        const v = pick(villages, i);
        return [
          ['finance', 'money', { villageId: v }],
          ['finance', 'months', { villageId: v }],
          ['finance', 'month', { villageId: v, month: latestMonth }],
        ];
      },
    },
    {
      name: '钱袋子 · 月报',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => [['finance', 'report', { villageId: pick(villages, i), period: pick(meta.months, i) }]],
    },
    {
      name: '钱袋子 · 季报',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => [['finance', 'report', { villageId: pick(villages, i), period: quarterOfMonth(pick(meta.months, i)) }]],
    },
    {
      name: '钱袋子 · 年报',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => [['finance', 'report', { villageId: pick(villages, i), period: yearOfMonth(pick(meta.months, i)) }]],
    },
    {
      name: '集体的资产与资源',
      persona: (i) => `${pick(villages, i)}-villager`,
      calls: (i) => [['assets', 'village', { villageId: pick(villages, i) }]],
    },
    {
      name: '镇总览（各村公开与监督）',
      persona: () => 'scale-township-admin',
      calls: () => [
        ['disclosure', 'township', { townshipId: SCALE_TOWNSHIP, quarter: reporting }],
        ['tickets', 'township', { townshipId: SCALE_TOWNSHIP }],
      ],
      township: true,
    },
    {
      name: '各村三资预警（镇）',
      persona: () => 'scale-township-admin',
      calls: () => [
        ['assets', 'township', { townshipId: SCALE_TOWNSHIP }],
        ['assets', 'settings', { townshipId: SCALE_TOWNSHIP }],
      ],
      township: true,
    },
  ];

  const results: { name: string; page: Spread; calls: Map<string, number[]> }[] = [];
  for (const page of pages) {
    const totals: number[] = [];
    const perCall = new Map<string, number[]>();
    const samples = page.township ? Math.max(50, Math.round(SAMPLES / 4)) : SAMPLES;
    for (let i = -20; i < samples; i += 1) {
      let total = 0;
      for (const call of page.calls(Math.abs(i))) {
        const t = await serverTime(call, page.persona(Math.abs(i)));
        total += t;
        const key = `${call[0]}.${call[1]}`;
        if (i >= 0) perCall.set(key, [...(perCall.get(key) ?? []), t]);
      }
      // The first twenty warm the statement cache and the page cache; they are not counted.
      if (i >= 0) totals.push(total);
    }
    results.push({ name: page.name, page: spread(totals), calls: perCall });
  }
  await new Promise<void>((r) => server.close(() => r()));
  store.close();

  // The floor: the same file read by bare better-sqlite3, without the store, host or HTTP.
  const db = new Database(file, { readonly: true });
  const ids = (db.prepare(`SELECT id FROM "c_people" LIMIT 50000`).all() as { id: string }[]).map((r) => r.id);
  const point = db.prepare(`SELECT id, rev, data FROM "c_people" WHERE id = ?`);
  const pointTimes: number[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const t0 = process.hrtime.bigint();
    point.get(ids[(i * 7919) % ids.length]);
    pointTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const rangeSql = `SELECT id, rev, data FROM "c_ledger_rows" WHERE json_extract(data, '$.villageId') = ? AND json_extract(data, '$.month') = ? ORDER BY json_extract(data, '$.date')`;
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${rangeSql}`).all('s01', latestMonth) as { detail: string }[]).map((p) => p.detail).join('; ');
  const range = db.prepare(rangeSql);
  const rangeTimes: number[] = [];
  let rangeRows = 0;
  for (let i = 0; i < 2_000; i += 1) {
    const t0 = process.hrtime.bigint();
    rangeRows += range.all(pick(villages, i), pick(meta.months, i)).length;
    rangeTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const count = (name: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "c_${name}"`).get() as { n: number }).n;
  const sizes = {
    people: count(C.people),
    ledgerRows: count(C.ledgerRows),
    versions: count(C.disclosureVersions),
    tickets: count(C.tickets),
    contracts: count(C.contracts),
    warnings: count(C.assetWarnings),
    ballots: count(C.ballots),
    audit: count(C.audit),
  };
  db.close();
  rmSync(scratch, { recursive: true, force: true });

  const w = [30, 8, 10, 10, 10];
  console.log('服务端耗时（毫秒，Server-Timing；一页 = 它调用的各接口之和）');
  console.log(`  机器：${machine()}`);
  console.log(
    `  数据：${file}（${(statSync(file).size / 2 ** 20).toFixed(0)} MB）：${villages.length} 个村，村民 ${sizes.people}，账目 ${sizes.ledgerRows} 行，公开版本 ${sizes.versions}，监督事项 ${sizes.tickets}，三资合同 ${sizes.contracts}（预警 ${sizes.warnings}），选票 ${sizes.ballots}，审计记录 ${sizes.audit}`,
  );
  console.log(`  ${row(['页面 / 接口', '次数', 'p50', 'p95', 'p99'], w)}`);
  for (const r of results) {
    console.log(`  ${row([r.name, String(r.page.n), ms(r.page.p50), ms(r.page.p95), ms(r.page.p99)], w)}`);
    if (r.calls.size > 1) {
      for (const [key, xs] of r.calls) {
        const s = spread(xs);
        console.log(`  ${row([`    ${key}`, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99)], w)}`);
      }
    }
  }
  const p = spread(pointTimes);
  const g = spread(rangeTimes);
  console.log('  底线（同一文件，裸 better-sqlite3）');
  console.log(`  ${row(['    按主键读一行', String(p.n), ms(p.p50), ms(p.p95), ms(p.p99)], w)}`);
  console.log(`  ${row([`    索引范围读（一村一月，约 ${Math.round(rangeRows / rangeTimes.length)} 行）`, String(g.n), ms(g.p50), ms(g.p95), ms(g.p99)], w)}`);
  console.log(`    查询计划：${plan}`);
  for (const name of ['村首页（扫码进入）', '钱袋子（进入）']) {
    const r = results.find((x) => x.name === name);
    if (!r) throw new Error(`the benchmark has no page named ${name}`);
    console.log(`  目标 ${name} p95 ≤ ${AIM_MS} ms：${r.page.p95 <= AIM_MS ? '达到' : '未达到'}（${ms(r.page.p95)} ms）`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
