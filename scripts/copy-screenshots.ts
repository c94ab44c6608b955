/**
 * Copies the browser tests' screenshots that the README shows into docs/screenshots/.
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

mkdirSync(to, { recursive: true });
const missing = SHOWN.filter((n) => !existsSync(join(from, `${n}.png`)));
if (missing.length) {
  console.error(`没有找到这些截图（先运行浏览器测试）：${missing.join('、')}`);
  process.exit(1);
}
for (const n of SHOWN) copyFileSync(join(from, `${n}.png`), join(to, `${n}.png`));
console.log(`已复制 ${SHOWN.length} 张截图到 docs/screenshots/`);
