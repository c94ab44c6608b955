/**
 * `npm run bench:functions`: for each built cloud function (dist/cloudfunctions/<name>/index.js,
 * build first with `npm run build:functions`) the bundle's bytes, gzip bytes, and the time
 * `require` takes in a fresh node process, as the cold start of a new container would see it.
 *
 * Each measurement is its own `node` process that times `require(<bundle>)` with process.hrtime
 * and prints the figure; N runs per function (`--runs N`, default 7) give the median and the max.
 * The child also times the cloud externals (@cloudbase/node-sdk, wx-server-sdk) where they are
 * first loaded, so the table shows whether a bundle loads them at require time and what that costs.
 *
 * Figures are printed, never asserted. Exit code 1 only when there is nothing to measure or a
 * bundle fails to load for a reason other than a cloud external missing on this machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtFunctions, bytes, table } from './lib/package-size';

const root = resolve(__dirname, '..');
/** Installed by the cloud at deploy time, not bundled (scripts/build-functions.ts). */
const CLOUD_EXTERNALS = ['@cloudbase/node-sdk', 'wx-server-sdk'];

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 7) : 7;

/**
 * Runs in the child. Module._load is wrapped only to time the externals' first load; the figure
 * that matters is the hrtime around require(bundle), which includes them.
 */
const CHILD = String.raw`
const Module = require('node:module');
const file = process.argv[1];
const externals = JSON.parse(process.argv[2]);
const seen = {};
const load = Module._load;
Module._load = function (request) {
  if (!externals.includes(request) || request in seen) return load.apply(this, arguments);
  const t = process.hrtime.bigint();
  try {
    const m = load.apply(this, arguments);
    seen[request] = { ms: Number(process.hrtime.bigint() - t) / 1e6 };
    return m;
  } catch (e) {
    seen[request] = { missing: e && e.code === 'MODULE_NOT_FOUND' };
    throw e;
  }
};
let error = null;
const t0 = process.hrtime.bigint();
try { require(file); } catch (e) { error = String((e && e.message) || e).split('\n')[0]; }
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms, externals: seen, error }));
// An SDK may hold handles open; the measurement is done, so do not wait for them.
process.exit(0);
`;

interface Sample {
  ms: number;
  externals: Record<string, { ms?: number; missing?: boolean }>;
  error: string | null;
}

// No inherited NODE_OPTIONS: a loader hook there would tax every require and skew the figures.
const childEnv = { ...process.env };
delete childEnv.NODE_OPTIONS;

/** One fresh process that requires `target` (a file, or a package resolved from `cwd`). */
function sample(target: string, cwd: string): Sample {
  const run = spawnSync(process.execPath, ['-e', CHILD, target, JSON.stringify(CLOUD_EXTERNALS)], { cwd, env: childEnv, encoding: 'utf8' });
  try {
    return JSON.parse(run.stdout) as Sample;
  } catch {
    return { ms: NaN, externals: {}, error: `子进程没有给出结果（退出码 ${run.status}）：${(run.stderr || '').trim().split('\n')[0] ?? ''}` };
  }
}

/** One discarded run first, so every figure sees the same warm file cache, then RUNS counted ones. */
function measure(target: string, cwd: string): Sample[] {
  sample(target, cwd);
  return Array.from({ length: RUNS }, () => sample(target, cwd));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

/** Where an external would come from for a bundle in `dir`, and its version, if installed here. */
function installed(name: string, dir: string): { path: string; version: string } | null {
  try {
    const entry = require.resolve(name, { paths: [dir] });
    const pkgDir = entry.slice(0, entry.lastIndexOf(`node_modules/${name}`) + `node_modules/${name}`.length);
    const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
    return { path: pkgDir, version };
  } catch {
    return null;
  }
}

const fns = builtFunctions(join(root, 'dist', 'cloudfunctions'));
if (fns.length === 0) {
  console.error('没有找到 dist/cloudfunctions/<name>/index.js：先运行 npm run build:functions');
  process.exit(1);
}

console.log(`云函数冷启动：每次新开一个 node 进程（${process.version}），在子进程里用 process.hrtime 计 require(index.js) 的耗时；`);
console.log(`每个函数先空跑 1 次不计，再测 ${RUNS} 次。“其中外部 SDK”与“包自身”是各次拆分后的中位数。gzip 为默认压缩级别。`);
// Shared machines: the load at the time says how far to trust the absolute figures.
console.log(`测量时系统负载（1 分钟平均）${loadavg()[0].toFixed(2)}，${cpus().length} 个 CPU 核。`);

const rows: string[][] = [];
/** External → how the bundles treat it: names of functions that load it at require time, or only reference it. */
const eager = new Map<string, string[]>();
const lazy = new Map<string, string[]>();
const missing = new Map<string, string[]>();
let broken = false;

for (const { name, file } of fns) {
  const code = readFileSync(file);
  const text = code.toString('utf8');
  const samples = measure(file, dirname(file));
  const times = samples.map((s) => s.ms).filter(Number.isFinite);
  const notes: string[] = [];
  for (const ext of CLOUD_EXTERNALS) {
    const referenced = text.includes(`require("${ext}")`) || text.includes(`require('${ext}')`);
    const seen = samples.map((s) => s.externals[ext]).filter(Boolean);
    const add = (m: Map<string, string[]>) => m.set(ext, [...(m.get(ext) ?? []), name]);
    if (seen.some((e) => e.missing)) {
      add(missing);
      notes.push(`${ext}（加载时就要，本机未安装）`);
    } else if (seen.length) {
      add(eager);
      notes.push(`${ext}（加载时载入）`);
    } else if (referenced) {
      add(lazy);
      notes.push(`${ext}（用到时才载入）`);
    }
  }
  // Per run: the externals' share, and what is left for the bundle's own code.
  const extMs = samples.map((s) => Object.values(s.externals).reduce((sum, e) => sum + (e.ms ?? 0), 0));
  const ownMs = samples.map((s, i) => s.ms - extMs[i]);
  const errors = [...new Set(samples.map((s) => s.error).filter((e): e is string => !!e))];
  const onlyMissingExternal = errors.length > 0 && samples.every((s) => !s.error || Object.values(s.externals).some((e) => e.missing));
  if (errors.length && !onlyMissingExternal) broken = true;
  const anyExt = samples.some((s) => Object.keys(s.externals).length > 0);
  rows.push([
    name,
    bytes(code.length),
    bytes(gzipSync(code).length),
    errors.length ? `失败：${errors[0]}` : ms(median(times)),
    errors.length ? '' : ms(Math.max(...times)),
    errors.length || !anyExt ? '' : ms(median(extMs)),
    errors.length ? '' : ms(median(ownMs)),
    notes.join('，') || '（无）',
  ]);
}

console.log(
  table(['云函数', '字节', 'gzip 字节', 'require 中位数 ms', '最大 ms', '其中外部 SDK ms', '包自身 ms', '引用的外部依赖'], rows, [1, 2, 3, 4, 5, 6]),
);

// The SDK on its own, the same way, so its share of each bundle's figure can be read off.
console.log('');
console.log('外部依赖（部署时由云端安装，不打进包里）');
for (const ext of CLOUD_EXTERNALS) {
  const here = installed(ext, dirname(fns[0].file));
  const eagerBy = eager.get(ext) ?? [];
  const lazyBy = lazy.get(ext) ?? [];
  const missingBy = missing.get(ext) ?? [];
  const users = eagerBy.length + lazyBy.length + missingBy.length;
  if (!users) {
    console.log(`  ${ext}：没有函数引用${here ? `（本机装有 ${here.version}）` : ''}`);
    continue;
  }
  const how = [
    eagerBy.length ? `${eagerBy.length} 个函数在加载时就载入它（${eagerBy.join('、')}）` : '',
    lazyBy.length ? `${lazyBy.length} 个函数用到时才载入（${lazyBy.join('、')}）` : '',
    missingBy.length ? `${missingBy.length} 个函数加载时就要它（${missingBy.join('、')}），本机没有安装，require 失败` : '',
  ]
    .filter(Boolean)
    .join('；');
  console.log(`  ${ext}：${how}`);
  if (here) {
    const alone = measure(ext, root).map((s) => s.ms);
    console.log(
      `    本机装有 ${here.version}（${here.path.replace(`${root}/`, '')}），上表从这里载入它；单独 require 中位数 ${ms(median(alone))} ms，最大 ${ms(Math.max(...alone))} ms`,
    );
  } else console.log('    本机没有安装：上表的 require 耗时不含它，云端冷启动会更慢');
}

if (broken) {
  console.error('有云函数包加载失败（不是因为缺少云端安装的外部依赖），见上表。');
  process.exit(1);
}
