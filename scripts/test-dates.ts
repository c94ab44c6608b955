/**
 * `npm run test:dates`: the date-sensitive suites again under a shifted system clock (libfaketime)
 * and another time zone, so a test or a page that reads the machine's date or zone fails here
 * rather than on some morning after a quarter turns. Needs `faketime` (Debian: apt-get install
 * faketime) and the builds `npm test` makes first.
 *
 * By default three runs, each date with another zone, so every date and every zone is tried:
 * New Year five minutes in, the last minute of a quarter, a leap day. `--all` runs all nine.
 * Each run takes about two minutes on two cores (two jest workers, then the browser suites).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Beijing wall-clock times; faketime reads the offset, so the zone the run is in does not move them. */
const DATES = ['2027-01-01 00:05:00', '2027-03-31 23:59:00', '2028-02-29 12:00:00'];
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];

/** Suites whose answers hang on dates: quarters, deadlines, months, "today", what the pages print. */
const SUITES = [
  'tests/core/',
  'tests/functions/village.test.ts',
  'tests/functions/disclosure.test.ts',
  'tests/functions/disclosure-quarter.test.ts',
  'tests/functions/tickets.test.ts',
  'tests/functions/finance.test.ts',
  'tests/functions/matters.test.ts',
  'tests/functions/assets.test.ts',
  'tests/functions/demo-assets.test.ts',
  'tests/functions/plain.test.ts',
  'tests/ui/',
  'tests/e2e/zones.e2e.test.ts',
  'tests/e2e/village.e2e.test.ts',
  'tests/e2e/finance.e2e.test.ts',
];

const { values } = parseArgs({ options: { all: { type: 'boolean' } } });
const runs = values.all ? DATES.flatMap((date) => ZONES.map((zone) => ({ date, zone }))) : DATES.map((date, i) => ({ date, zone: ZONES[i] }));
const root = resolve(__dirname, '..');

if (spawnSync('faketime', ['2027-01-01 00:00:00', 'true']).status !== 0) {
  console.error('没有找到 faketime：请先安装（Debian：apt-get install faketime）。');
  process.exit(2);
}

const failed: string[] = [];
for (const { date, zone } of runs) {
  const label = `北京时间 ${date.slice(0, 16)}，时区 ${zone}`;
  console.log(`\n=== ${label} ===`);
  const jest = resolve(root, 'node_modules', 'jest', 'bin', 'jest.js');
  // As in npm test: two workers for the in-process suites, then the browser suites one at a time.
  const inProcess = SUITES.filter((f) => !f.startsWith('tests/e2e/'));
  const browser = SUITES.filter((f) => f.startsWith('tests/e2e/'));
  const passes = [['--maxWorkers=2', ...inProcess], ...(browser.length ? [['--runInBand', ...browser]] : [])];
  for (const args of passes) {
    const res = spawnSync('faketime', [`${date} +0800`, process.execPath, jest, '--ci', ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TZ: zone },
    });
    if (res.status !== 0 && !failed.includes(label)) failed.push(label);
  }
}
if (failed.length) {
  console.error(`\n这些时间下有测试没有通过：\n${failed.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\n${runs.length} 个时间与时区下全部通过。`);
