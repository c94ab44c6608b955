/**
 * Copies the browser tests' screenshots that the README and docs/*.md show into docs/screenshots/.
 * Run after the e2e tests (npm test runs them): `npm run screenshots`.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const from = join(root, 'test-artifacts', 'screenshots');
const to = join(root, 'docs', 'screenshots');
const SHOWN = [
  'village-home',
  'quarter-published',
  'money-first-visit',
  'report-form',
  'vote-cast',
  'matter-done',
  'supervisor-review',
  'ticket-ledger',
  'vote-no-quorum',
  'township-overview',
];

/** The layout test's 360×640 shots, under the shorter names the README and docs/ use. */
const RENAMED: [test: string, docs: string][] = [
  ['layout-360-village-home', 'village-home-360'],
  ['layout-360-item-dibao', 'item-360'],
  ['layout-360-elder-village-home', 'elder-home-360'],
  ['layout-360-money', 'money-360'],
];

mkdirSync(to, { recursive: true });
const pairs: [string, string][] = [...SHOWN.map((n): [string, string] => [n, n]), ...RENAMED];
const missing = pairs.filter(([n]) => !existsSync(join(from, `${n}.png`))).map(([n]) => n);
if (missing.length) {
  console.error(`没有找到这些截图（先运行浏览器测试）：${missing.join('、')}`);
  process.exit(1);
}
for (const [n, d] of pairs) copyFileSync(join(from, `${n}.png`), join(to, `${d}.png`));
console.log(`已复制 ${pairs.length} 张截图到 docs/screenshots/`);
