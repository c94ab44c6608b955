/**
 * `npm run bench:functions`: each cloud function's cold start, built three ways side by side —
 *   今天   the previous build: @cloudbase/node-sdk installed by the cloud, zod whole;
 *   精简   the SDK still installed by the cloud, with every other trim of the default;
 *   打包   the default (scripts/lib/function-bundle.ts): the SDK inside the bundle, minified.
 * For each: the bundle's bytes and gzip bytes, and the time `require` takes in a fresh node
 * process, as a new container would see it. For `village`, also the first scan as a whole:
 * require plus one `village.home` call through the SDK to the CloudBase emulator (latency 0,
 * so the figure is the code's own).
 *
 * The three builds go to dist/bench-functions/<way>/, inside the project so that the SDK can be
 * found in node_modules where a way leaves it out. Runs are interleaved (each round measures
 * every way once) so that a busy moment on a shared machine falls on all of them alike.
 * `--runs N` (default 9) rounds, after one discarded. Figures are printed, never asserted.
 */
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CloudBaseDocStore } from '../cloudfunctions/adapters/cloudbase/docstore';
import { C } from '../cloudfunctions/core/collections';
import { seedDemo } from '../cloudfunctions/host/seed';
import { PERSONAS } from '../cloudfunctions/host/personas';
import { startCloudBaseEmulator } from '../tests/emulator/cloudbase/server';
import { pointSdkAt, sdkDatabase } from '../tests/emulator/cloudbase/sdk-env';
import { buildFunction, functionNames } from './build-functions';
import { installedSize, maxOf, median, ms, sample, type Sample } from './lib/cold-start';
import { CLOUD_SDK, DEFAULT_WAY, PREVIOUS_WAY, TRIMMED_EXTERNAL_WAY, type BundleWay } from './lib/function-bundle';
import { bytes, table } from './lib/package-size';

const root = resolve(__dirname, '..');
const benchRoot = join(root, 'dist', 'bench-functions');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 9) : 9;

interface Way {
  key: string;
  label: string;
  way: BundleWay;
}
const WAYS: Way[] = [
  { key: 'previous', label: '今天', way: PREVIOUS_WAY },
  { key: 'trimmed', label: '精简', way: TRIMMED_EXTERNAL_WAY },
  { key: 'bundled', label: '打包', way: DEFAULT_WAY },
];

const fileOf = (w: Way, name: string) => join(benchRoot, w.key, name, 'index.js');
const pct = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${Math.round((a / b) * 100)}%` : '—');

/** RUNS interleaved rounds over the ways, after one discarded (it warms the file cache for all). */
async function rounds(name: string, event?: unknown, env?: Record<string, string | undefined>): Promise<Map<string, Sample[]>> {
  const out = new Map<string, Sample[]>(WAYS.map((w) => [w.key, []]));
  for (let r = 0; r <= RUNS; r++) {
    for (const w of WAYS) {
      const s = await sample(fileOf(w, name), CLOUD_SDK, event, env);
      if (r > 0) out.get(w.key)?.push(s);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const names = functionNames();
  rmSync(benchRoot, { recursive: true, force: true });
  for (const w of WAYS) for (const name of names) await buildFunction(name, w.way, join(benchRoot, w.key));

  console.log(`云函数冷启动：每次新开一个 node 进程（${process.version}）计 require(index.js) 的耗时；每种做法先空跑 1 次不计，再交替测 ${RUNS} 轮。`);
  console.log('  今天 = 原来的构建：@cloudbase/node-sdk 由云端安装，zod 整个打进包；');
  console.log('  精简 = SDK 仍由云端安装，其余照默认构建精简（zod 只留用到的部分，exceljs 用到时才载入）；');
  console.log('  打包 = 默认构建（npm run build:functions）：SDK 精简后打进包内，压缩。');
  // Shared machines: the load at the time says how far to trust the absolute figures.
  console.log(`测量时系统负载（1 分钟平均）${loadavg()[0].toFixed(2)}，${cpus().length} 个 CPU 核。`);

  const sizeRows: string[][] = [];
  const timeRows: string[][] = [];
  const failures: string[] = [];
  for (const name of names) {
    const size = WAYS.map((w) => {
      const code = readFileSync(fileOf(w, name));
      return [bytes(code.length), bytes(gzipSync(code).length)];
    });
    sizeRows.push([name, ...size.flat()]);
    const samples = await rounds(name);
    const cell = (key: string) => {
      const s = samples.get(key) ?? [];
      const errors = [...new Set(s.map((x) => x.error).filter((e): e is string => !!e))];
      if (errors.length) failures.push(`${name}（${key}）：${errors[0]}`);
      return s;
    };
    const [prev, trimmed, bundled] = WAYS.map((w) => cell(w.key));
    const med = (s: Sample[]) => median(s.map((x) => x.ms));
    const sdk = (s: Sample[]) => median(s.map((x) => x.sdkMs ?? NaN));
    timeRows.push([
      name,
      ms(med(prev)),
      ms(sdk(prev)),
      ms(med(trimmed)),
      ms(sdk(trimmed)),
      ms(med(bundled)),
      ms(maxOf(bundled.map((x) => x.ms))),
      pct(med(bundled), med(prev)),
    ]);
  }

  console.log('\n包的大小（index.js；字节 / gzip 字节）');
  console.log(table(['云函数', '今天', 'gzip', '精简', 'gzip', '打包（默认）', 'gzip'], sizeRows, [1, 2, 3, 4, 5, 6]));
  console.log('\nrequire 耗时（中位数，ms；“其中 SDK”是从 node_modules 载入 SDK 的那一段）');
  console.log(table(['云函数', '今天', '其中 SDK', '精简', '其中 SDK', '打包（默认）', '打包 最大', '打包 / 今天'], timeRows, [1, 2, 3, 4, 5, 6, 7]));

  // The first scan as a whole, on the emulator: require, then village.home through the SDK.
  const emu = await startCloudBaseEmulator({ collections: [...Object.values(C), PERSONAS], latencyMs: 0 });
  const restore = pointSdkAt(emu);
  try {
    await seedDemo(new CloudBaseDocStore(sdkDatabase() as never), new Date('2026-11-23T02:00:00Z'), 'bench-id-key');
    const scan = await rounds('village', { action: 'home', data: { code: 'hs-yangjia' } }, { ID_HASH_KEY: 'bench-id-key' });
    console.log('\nvillage 首次扫码（新进程：require 之后调用一次 village.home，经 SDK 到本机的 CloudBase 模拟器，延迟 0；中位数，ms）');
    const rows = WAYS.map((w) => {
      const s = scan.get(w.key) ?? [];
      const bad = s.filter((x) => x.ok !== true);
      if (bad.length) failures.push(`village.home（${w.key}）：${bad[0].error ?? '没有成功'}`);
      const total = s.map((x) => x.ms + (x.callMs ?? NaN));
      return [w.label, ms(median(s.map((x) => x.ms))), ms(median(s.map((x) => x.callMs ?? NaN))), ms(median(total))];
    });
    console.log(table(['做法', 'require', '第一次调用', '合计'], rows, [1, 2, 3]));
  } finally {
    restore();
    await emu.stop();
  }

  const sdk = installedSize(CLOUD_SDK, root);
  const alone: Sample[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) alone.push(await sample(require.resolve(CLOUD_SDK), CLOUD_SDK));
  console.log(
    `\n${CLOUD_SDK}：由云端安装时，每个函数部署后要装 ${sdk.packages} 个包、${bytes(sdk.files)} 个文件、${(sdk.bytes / 1024 / 1024).toFixed(1)} MB（本机 node_modules 所见）；` +
      `单独 require 中位数 ${ms(median(alone.map((s) => s.ms)))} ms。打进包后云端不再安装任何依赖。`,
  );

  if (failures.length) {
    console.error(`\n有云函数包加载或调用失败：\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
