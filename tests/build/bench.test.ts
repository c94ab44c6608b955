import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run bench` must keep working: the scale seed, the server-time, the vote and the cold-start
 * benchmarks run here at a tiny size. Their figures are not judged (timings on a shared machine say little);
 * what is checked is that every page is measured next to its floor, and that the vote burst
 * loses and doubles nothing.
 */
const root = resolve(__dirname, '..', '..');
/** The benchmarks seed and serve at this instant, so the machine's date does not matter. */
const NOW = '2026-11-23T10:00:00+08:00';
const tsx = (script: string, args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sv-bench-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('seeds a small scale township and measures every page next to the raw SQLite floor', () => {
  const seeded = tsx('seed-scale.ts', [
    '--dir',
    dir,
    '--villages',
    '2',
    '--years',
    '1',
    '--tickets',
    '60',
    '--votes',
    '1',
    '--voters',
    '100',
    '--roster-min',
    '150',
    '--roster-max',
    '200',
    '--rows',
    '20',
    '--now',
    NOW,
    '--quiet',
  ]);
  expect(seeded).toMatch(/村民 350，公开事项 192，账目 480 行，监督事项 60 条，表决 1 次（100 票）/);
  const out = tsx('bench-server.ts', ['--dir', dir, '--samples', '5']);
  for (const page of [
    '村首页（扫码进入）',
    '季度公开（往季）',
    '钱袋子（进入）',
    '钱袋子 · 月报',
    '钱袋子 · 季报',
    '钱袋子 · 年报',
    '集体的资产与资源',
    '镇总览（各村公开与监督）',
    '各村三资预警（镇）',
    '按主键读一行',
    '索引范围读',
  ]) {
    expect(out).toMatch(new RegExp(`${page}.*?\\s\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+`));
  }
  expect(out).toMatch(/SEARCH c_ledger_rows USING INDEX/);
}, 240_000);

it('casts a burst of votes over HTTP and finds none lost or doubled, with tallies equal to the recount', () => {
  const out = tsx('bench-votes.ts', ['--villages', '1', '--roster', '240', '--clients', '20', '--now', NOW]);
  expect(out).toMatch(/成功投票 \d+ 张：\d+ 票\/秒/);
  expect(out).toMatch(/丢失 0 张，重复 0 张；计票与逐张复核一致（1 场）/);
  expect(out).toMatch(/被拒绝：CONFLICT \d+/);
  expect(out).toMatch(/裸 SQLite 单条提交插入 \d+ 行\/秒/);
  // The same burst through the CloudBase adapter and SDK on the emulator: every voter counted.
  expect(out).toMatch(/20 位村民同时投票，每次数据库请求 8 毫秒：成功 20 张，[\d.]+ 票\/秒/);
  expect(out).toMatch(/被拒绝：无；计票与逐张复核一致/);
}, 240_000);

it('builds every function the previous way, trimmed and with the SDK bundled, and reports their sizes, require times and the first scan side by side', () => {
  const out = tsx('bench-functions.ts', ['--runs', '1']);
  for (const name of ['disclosure', 'finance', 'identity', 'matters', 'roster', 'scheduler', 'tickets', 'village']) {
    // Bytes and gzip bytes for each of the three ways; then require medians for each.
    expect(out).toMatch(new RegExp(`\\n\\s+${name}(\\s+[\\d,]+){6}\\n`));
    expect(out).toMatch(new RegExp(`\\n\\s+${name}(\\s+[\\d.]+){6}\\s+\\d+%\\n`));
  }
  for (const way of ['今天', '精简', '打包']) expect(out).toMatch(new RegExp(`\\n\\s+${way}(\\s+[\\d.]+){3}\\n`));
  expect(out).toMatch(/@cloudbase\/node-sdk：由云端安装时，每个函数部署后要装 \d+ 个包/);
}, 300_000);

it('makes the township poster file for a small township and reports the time, the file and the bundles that print', () => {
  const out = tsx('bench-print.ts', ['--villages', '6', '--runs', '1', '--now', NOW]);
  expect(out).toMatch(/全镇 6 个村的海报/);
  expect(out).toMatch(/之后 1 次的中位数\s+[\d.]+/);
  expect(out).toMatch(/文件 [\d,]+ 字节/);
  expect(out).toMatch(/字体 Noto Sans SC Regular（SIL OFL 1.1）/);
}, 120_000);
