/**
 * `npm run bench:print`: what printing from the phone costs.
 *   1. The functions that make PDFs (village, disclosure, finance), as `npm run build:functions`
 *      left them in dist/cloudfunctions: index.js (read at every cold start) apart from the parts
 *      read with the first PDF only — pdf-lib.js, fontkit.js, pngjs.js and fonts/ (the subset Noto Sans SC).
 *   2. The time to make the township's poster file for 35 villages (黄升镇's size): the demo's
 *      4 villages plus 31 given codes by the township, through the same core functions the cloud
 *      runs, on SQLite and a disk folder. The first file draws each village's code and 校验 code
 *      and loads the PDF libraries and the font; later ones reuse what storage holds.
 * Flags: --villages N (default 35) --runs N (default 5) --now <ISO> (SUNLIT_NOW too; the clock is
 * pinned, the machine's date never enters). Figures are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DiskFiles } from '../cloudfunctions/adapters/local/disk-files';
import { QrCodeMaker } from '../cloudfunctions/adapters/local/qr-code-maker';
import { SqliteDocStore } from '../cloudfunctions/adapters/local/sqlite-docstore';
import { C, INDEXES } from '../cloudfunctions/core/collections';
import { issueCode } from '../cloudfunctions/core/village/codes';
import type { VillageDoc } from '../cloudfunctions/core/shared/records';
import { postersPdf } from '../cloudfunctions/core/village/print';
import { seedDemo } from '../cloudfunctions/host/seed';
import { clockFrom, MovableClock } from '../cloudfunctions/ports/clock';
import type { Ports } from '../cloudfunctions/ports';
import { machine, ms } from './lib/bench-util';
import { bytes, table } from './lib/package-size';

const root = resolve(__dirname, '..');
const { values } = parseArgs({ options: { villages: { type: 'string' }, runs: { type: 'string' }, now: { type: 'string' } } });
const VILLAGES = Math.max(1, Number(values.villages ?? 35));
const RUNS = Math.max(1, Number(values.runs ?? 5));
const NOW = values.now ?? process.env.SUNLIT_NOW ?? '2026-11-23T10:00:00+08:00';
const PRINTING = ['village', 'disclosure', 'finance'];
const LAZY = ['pdf-lib.js', 'fontkit.js', 'pngjs.js', 'fonts'];

function sizeOf(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((n, f) => n + sizeOf(join(p, f)), 0) : s.size;
}

function bundles(): void {
  const out = join(root, 'dist', 'cloudfunctions');
  if (!existsSync(join(out, 'village', 'index.js'))) {
    console.log('（没有 dist/cloudfunctions：先运行 npm run build:functions）');
    return;
  }
  const rows = PRINTING.map((name) => {
    const dir = join(out, name);
    const lazy = LAZY.reduce((n, f) => n + sizeOf(join(dir, f)), 0);
    const total = sizeOf(dir);
    return [
      name,
      bytes(sizeOf(join(dir, 'index.js'))),
      bytes(sizeOf(join(dir, 'pdf-lib.js'))),
      bytes(sizeOf(join(dir, 'fontkit.js'))),
      bytes(sizeOf(join(dir, 'fonts'))),
      bytes(total - lazy),
      bytes(total),
    ];
  });
  console.log('打印用到的云函数包（字节）：index.js 每次冷启动都读；pdf-lib.js、fontkit.js、fonts/（和解 PNG 用的 pngjs.js）只在第一次生成 PDF 时读');
  console.log(table(['云函数', 'index.js', 'pdf-lib.js', 'fontkit.js', 'fonts/', '不含打印部分', '整个目录'], rows, [1, 2, 3, 4, 5, 6]));
  const font = JSON.parse(readFileSync(join(root, 'cloudfunctions', 'core', 'print', 'fonts', 'noto-sans-sc.json'), 'utf8')) as {
    sourceBytes: number;
    ttfBytes: number;
    characters: number;
  };
  console.log(
    `字体 Noto Sans SC Regular（SIL OFL 1.1）：原 TTF ${bytes(font.sourceBytes)} → 子集 ${font.characters} 字 TTF ${bytes(font.ttfBytes)} → 压缩后 JSON ${bytes(sizeOf(join(root, 'cloudfunctions', 'core', 'print', 'fonts', 'noto-sans-sc.json')))}`,
  );
}

/**
 * What the first PDF of a fresh container reads on top of index.js, timed in a new node process
 * as the cloud would load it: the two library chunks and the font (JSON parse and brotli).
 */
function firstPdfLoad(): void {
  const dir = join(root, 'dist', 'cloudfunctions', 'village');
  if (!existsSync(join(dir, 'pdf-lib.js'))) return;
  const script = `
    const t0 = process.hrtime.bigint();
    require(${JSON.stringify(join(dir, 'pdf-lib.js'))}); require(${JSON.stringify(join(dir, 'fontkit.js'))});
    const t1 = process.hrtime.bigint();
    const f = require(${JSON.stringify(join(dir, 'fonts', 'noto-sans-sc.json'))});
    require('node:zlib').brotliDecompressSync(Buffer.from(f.data, 'base64'));
    const t2 = process.hrtime.bigint();
    process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6]));`;
  const runs = Array.from(
    { length: 5 },
    () => JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as [number, number],
  );
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `第一次生成 PDF 时另外读入（新进程，5 次中位数）：pdf-lib.js + fontkit.js ${ms(med(runs.map((r) => r[0])))} ms，字体（解析 JSON、brotli 解压）${ms(med(runs.map((r) => r[1])))} ms`,
  );
}

/** Plausible village names for the villages beyond the demo's four. */
function names(n: number): string[] {
  const out: string[] = [];
  for (const a of ['东', '西', '南', '北', '前', '后', '大', '小']) for (const b of ['王', '李', '张', '刘', '陈', '赵', '孙', '周']) out.push(`${a}${b}家村`);
  return out.slice(0, n);
}

async function posters(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sv-bench-print-'));
  try {
    const store = new SqliteDocStore(join(dir, 'bench.db'), INDEXES);
    const clock = new MovableClock(clockFrom(NOW).now());
    await seedDemo(store, clock.now(), 'bench-id-key');
    const ports: Ports = {
      store,
      clock,
      caller: { openid: 'dev-openid-township-admin' },
      idKey: 'bench-id-key',
      signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      files: new DiskFiles(join(dir, 'files')),
      notifier: { send: async () => {} },
      contentCheck: { check: async () => null },
      codeMaker: new QrCodeMaker(() => 'http://127.0.0.1:10086'),
    };
    const villages = store.collection<VillageDoc>(C.villages);
    const template = (await villages.find({ where: { townshipId: 'huangsheng' }, limit: 1 }))[0];
    const existing = (await villages.find({ where: { townshipId: 'huangsheng' }, limit: 500 })).length;
    for (const [i, name] of names(Math.max(0, VILLAGES - existing)).entries()) {
      const id = `bench${String(i + 1).padStart(2, '0')}`;
      const { _id: _omit, ...rest } = template;
      await villages.set(id, { ...rest, name, supervisor: { name: `${name.slice(0, 1)}建国`, phone: `1390543${String(1000 + i)}` } });
      // As the township would: a code issued for the village, which also starts its history.
      await issueCode(ports, { villageId: id, reason: '新村启用一村一码' });
    }
    const count = (await villages.find({ where: { townshipId: 'huangsheng' }, limit: 500 })).length;
    const times: number[] = [];
    let size = 0;
    const rss = process.memoryUsage().rss;
    for (let r = 0; r <= RUNS; r++) {
      // A minute apart: each file is counted against the clerk's allowance like any other.
      clock.advance(60_000);
      const t = process.hrtime.bigint();
      const file = await postersPdf(ports, { townshipId: 'huangsheng' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      size = sizeOf(join(dir, 'files', file.url.replace(/^\/files\//, '')));
    }
    const [first, ...later] = times;
    const sorted = [...later].sort((a, b) => a - b);
    console.log(`\n全镇 ${count} 个村的海报（一个 PDF，每村一页，含本村二维码和校验码）：${machine()}`);
    console.log(
      table(
        ['', '毫秒'],
        [
          ['第一次（加载 pdf-lib、fontkit 和字体，画码）', ms(first)],
          [`之后 ${later.length} 次的中位数`, ms(sorted[Math.floor(sorted.length / 2)])],
          [`之后 ${later.length} 次最慢`, ms(sorted[sorted.length - 1])],
        ],
        [1],
      ),
    );
    console.log(
      `文件 ${bytes(size)} 字节（${(size / count / 1024).toFixed(1)} KB/页）；进程内存增加约 ${Math.round((process.memoryUsage().rss - rss) / 1048576)} MB`,
    );
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  bundles();
  firstPdfLoad();
  await posters();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
