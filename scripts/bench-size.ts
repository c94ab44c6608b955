/**
 * `npm run bench:size`: bytes of the weapp main package and each subpackage (build first with
 * `npm run build:weapp`) next to a bare Taro + NutUI app (bench/bare-app: 2 pages, NutUI
 * Button/Cell/Tabs, dayjs) that this script builds the same way with the project's own
 * node_modules; and the bytes of each built cloud function.
 *
 * The ratio to the bare app is printed, not enforced. The exit code is non-zero only when a
 * package is over the platform's 2 MB limit or the bare app fails to build.
 *
 * `--no-build` measures the bare app's previous build instead of building it again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtFunctions, bytes, kb, measureWeapp, PACKAGE_LIMIT_BYTES, table, type PackageSizes } from './lib/package-size';

const root = resolve(__dirname, '..');
const bareDir = join(root, 'bench', 'bare-app');
// Inside the bare app's dist/, which .gitignore's `dist/` already covers.
const bareOut = join(bareDir, 'dist', 'weapp');
/** The bar from the issue: the main package at most this many times the bare app. */
const AIM = 1.5;

function buildBare(): { ok: true; seconds: number } | { ok: false; log: string } {
  rmSync(bareOut, { recursive: true, force: true });
  const started = Date.now();
  // The CLI itself, not `npx taro`, so the build runs with this checkout's Taro whatever the cwd.
  const run = spawnSync(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'weapp'], {
    cwd: bareDir,
    // The production build, as `npm run build:weapp` makes it.
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 || !existsSync(join(bareOut, 'app.json'))) {
    return { ok: false, log: `${run.stdout ?? ''}\n${run.stderr ?? ''}\n${run.error?.message ?? ''}`.trim().split('\n').slice(-30).join('\n') };
  }
  return { ok: true, seconds: (Date.now() - started) / 1000 };
}

/** What the main package is made of, in the parts Taro's weapp output always has. */
const PARTS: [string, (path: string) => boolean][] = [
  ['taro.js（Taro 运行时）', (p) => p === 'taro.js'],
  ['app.js（入口与 React 渲染器）', (p) => p === 'app.js'],
  ['vendors.js（页面共用的 npm 代码）', (p) => p === 'vendors.js'],
  ['common.js（页面共用的本项目代码）', (p) => p === 'common.js'],
  ['base.wxml（组件模板）', (p) => p === 'base.wxml'],
  ['common.wxss（页面共用的样式）', (p) => p === 'common.wxss'],
  ['app.wxss、app-origin.wxss（全局样式）', (p) => /^app(-origin)?\.wxss$/.test(p)],
  ['页面脚本 pages/**/*.js', (p) => p.startsWith('pages/') && p.endsWith('.js')],
  ['页面样式 pages/**/*.wxss', (p) => p.startsWith('pages/') && p.endsWith('.wxss')],
  ['其他（json、wxml、wxs、LICENSE）', () => true],
];

function parts(files: Record<string, number>): number[] {
  const sums = PARTS.map(() => 0);
  for (const [path, n] of Object.entries(files)) sums[PARTS.findIndex(([, match]) => match(path))] += n;
  return sums;
}

/** Main-package pages, largest first: each page's own .js, .wxss, .wxml and .json together. */
function pages(files: Record<string, number>): [string, number][] {
  const byPage = new Map<string, number>();
  for (const [path, n] of Object.entries(files)) {
    const page = /^(pages\/.+)\.(js|wxss|wxml|json)$/.exec(path)?.[1];
    if (page) byPage.set(page, (byPage.get(page) ?? 0) + n);
  }
  return [...byPage].sort((a, b) => b[1] - a[1]);
}

if (!existsSync(join(root, 'dist', 'weapp', 'app.json'))) {
  console.error('没有找到 dist/weapp/app.json：先运行 npm run build:weapp');
  process.exit(1);
}
const ours = measureWeapp(join(root, 'dist', 'weapp'));
const oursBuilt = new Date(statSync(join(root, 'dist', 'weapp', 'app.json')).mtimeMs);

let bare: PackageSizes | undefined;
let failed = false;
if (process.argv.includes('--no-build') && existsSync(join(bareOut, 'app.json'))) {
  bare = measureWeapp(bareOut);
  console.log('对照应用：沿用上次的构建（--no-build）');
} else {
  console.log('正在构建对照应用 bench/bare-app（生产模式 weapp）……');
  const built = buildBare();
  if (built.ok) {
    bare = measureWeapp(bareOut);
    console.log(`对照应用构建完成，用时 ${built.seconds.toFixed(1)} 秒`);
  } else {
    failed = true;
    console.error(`对照应用构建失败：\n${built.log}`);
  }
}

console.log('');
console.log(`小程序包体积：本项目 dist/weapp（构建于 ${oursBuilt.toLocaleString('zh-CN', { hour12: false })}）对照 bench/bare-app`);
const rows: string[][] = [];
if (bare) rows.push(['对照应用合计（2 页，Button/Cell/Tabs + dayjs）', bytes(bare.total), kb(bare.total)]);
rows.push(['本项目主包', bytes(ours.main), kb(ours.main)]);
for (const [r, n] of Object.entries(ours.subpackages)) rows.push([`分包 ${r}`, bytes(n), kb(n)]);
if (Object.keys(ours.subpackages).length === 0) rows.push(['（暂无分包）', '', '']);
rows.push(['本项目合计（主包 + 分包）', bytes(ours.total), kb(ours.total)]);
console.log(table(['包', '字节', 'KB'], rows, [1, 2]));
if (bare) {
  const ratio = ours.main / bare.total;
  console.log(`  主包 ÷ 对照应用 = ${ratio.toFixed(2)} 倍（目标 ≤ ${AIM} 倍：${ratio <= AIM ? '达到' : '未达到'}）`);
}
console.log(`  每个包的平台上限 ${bytes(PACKAGE_LIMIT_BYTES)} 字节（2 MB）`);

if (bare) {
  console.log('');
  console.log('主包构成（与对照应用逐项比较）');
  const a = parts(bare.mainFiles);
  const b = parts(ours.mainFiles);
  const sign = (n: number) => (n > 0 ? `+${bytes(n)}` : bytes(n));
  console.log(
    table(
      ['部分', '对照应用', '本项目主包', '多出'],
      [
        ...PARTS.map(([label], i) => [label, bytes(a[i]), bytes(b[i]), sign(b[i] - a[i])]),
        ['合计', bytes(bare.main), bytes(ours.main), sign(ours.main - bare.main)],
      ],
      [1, 2, 3],
    ),
  );
}

console.log('');
console.log('主包页面（各页自己的脚本、样式、模板与配置，不含共用部分）');
console.log(
  table(
    ['页面', '字节'],
    pages(ours.mainFiles).map(([p, n]) => [p, bytes(n)]),
    [1],
  ),
);

const fns = builtFunctions(join(root, 'dist', 'cloudfunctions'));
if (fns.length) {
  console.log('');
  console.log('云函数包体积（dist/cloudfunctions；gzip 与 require 耗时见 npm run bench:functions）');
  console.log(
    table(
      ['云函数', '字节', 'KB'],
      fns.map(({ name, file }) => [name, bytes(statSync(file).size), kb(statSync(file).size)]),
      [1, 2],
    ),
  );
}

const over = [['主包', ours.main] as const, ...Object.entries(ours.subpackages).map(([r, n]) => [`分包 ${r}`, n] as const)].filter(
  ([, n]) => n > PACKAGE_LIMIT_BYTES,
);
for (const [name] of over) console.error(`${name}超过 2 MB 平台上限！`);
if (over.length || failed) process.exit(1);
