/**
 * `npm run bench:size`: bytes of the weapp main package and each subpackage (build first with
 * `npm run build:weapp`), and of each built cloud function.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureWeapp, PACKAGE_LIMIT_BYTES } from './lib/package-size';

const root = resolve(__dirname, '..');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const sizes = measureWeapp(join(root, 'dist', 'weapp'));
console.log('小程序包体积（dist/weapp）');
console.log(`  主包        ${sizes.main} bytes (${kb(sizes.main)})，上限 ${PACKAGE_LIMIT_BYTES} bytes`);
for (const [r, bytes] of Object.entries(sizes.subpackages)) console.log(`  分包 ${r.padEnd(12)} ${bytes} bytes (${kb(bytes)})`);
if (Object.keys(sizes.subpackages).length === 0) console.log('  （暂无分包）');
console.log(`  合计        ${sizes.total} bytes (${kb(sizes.total)})`);

const fnDir = join(root, 'dist', 'cloudfunctions');
if (existsSync(fnDir)) {
  console.log('云函数包体积（dist/cloudfunctions）');
  for (const name of readdirSync(fnDir)) {
    const f = join(fnDir, name, 'index.js');
    if (existsSync(f)) console.log(`  ${name.padEnd(12)} ${statSync(f).size} bytes (${kb(statSync(f).size)})`);
  }
}
if (sizes.main > PACKAGE_LIMIT_BYTES) {
  console.error('主包超过 2 MB 平台上限！');
  process.exit(1);
}
