/**
 * `npm run bench:lighthouse`: Lighthouse's mobile performance of the H5 village home, the page a
 * villager lands on from the village's QR code. It starts the built host as `npm start` runs it
 * (a fresh data folder, so the demo township is seeded; a free port) and Debian's Chromium, runs
 * Lighthouse once to warm up and then three times with its default mobile emulation and
 * simulated throttling, and prints the medians. Figures are printed, never asserted: a shared machine's timing is not a test.
 * Build first: `npm run build:h5 && npm run build:functions`.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Flags, Result } from 'lighthouse';
import { freePort, startHostProcess } from './lib/host-process';
import { CHROMIUM, CHROMIUM_FLAGS } from './lib/chromium';

const ROOT = resolve(__dirname, '..');
const PAGE = '/pages/village/index?scene=hs-yangjia';
const RUNS = 3;
const TARGET = 90;
/** The median run's full report, to open in a browser when the table is not enough. */
const REPORT_DIR = join(ROOT, 'test-artifacts', 'lighthouse');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Display width in a terminal: CJK characters take two columns, so padEnd alone misaligns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : padStart(c, widths[i]))).join('  ')}`;
  return [line(head), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Figures {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  totalBytes: number;
  /** Script responses as they cross the wire, and as the browser has them once decoded. */
  jsTransfer: number;
  jsDecoded: number;
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

function figuresOf(lhr: Result): Figures {
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const details = lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined;
  const scripts = (details?.items ?? []).filter((r) => r.resourceType === 'Script');
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    si: num('speed-index'),
    totalBytes: num('total-byte-weight'),
    jsTransfer: scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0),
    jsDecoded: scripts.reduce((s, r) => s + (r.resourceSize ?? 0), 0),
  };
}

/** What Lighthouse says would help most: opportunities by estimated savings, then failing diagnostics. */
function advice(lhr: Result): string[] {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const audits = refs
    .filter((r) => r.group !== 'metrics')
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
  const savings = (a: (typeof audits)[number]) => {
    const d = a.details as { overallSavingsMs?: number } | undefined;
    return d?.overallSavingsMs ?? Math.max(0, ...Object.values(a.metricSavings ?? {}).map((v) => v ?? 0));
  };
  return audits
    .sort((a, b) => savings(b) - savings(a))
    .slice(0, 10)
    .map((a) => `${a.title}${a.displayValue ? `：${a.displayValue}` : ''}（${a.id}）`);
}

async function main(): Promise<void> {
  for (const f of [join('dist', 'host', 'main.js'), join('dist', 'h5', 'index.html')]) {
    if (!existsSync(join(ROOT, f))) {
      console.error(`缺少 ${f}：请先运行 npm run build:h5 && npm run build:functions`);
      process.exit(1);
    }
  }
  // Both are ES modules; this script runs as CommonJS under tsx.
  const { default: lighthouse, generateReport } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const { launch } = await import('chrome-launcher');

  const dataDir = mkdtempSync(join(tmpdir(), 'sv-lighthouse-data-'));
  const profile = mkdtempSync(join(tmpdir(), 'sv-lighthouse-chromium-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${PAGE}`;
  // The built host in its own process, so Lighthouse's work here never stalls its answers.
  let host: ChildProcess | undefined;
  let chrome: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    host = (await startHostProcess({ dataDir, port })).child;
    chrome = await launch({
      chromePath: CHROMIUM,
      userDataDir: profile,
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    });
    const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser?: string };
    console.log('Lighthouse 移动端性能：H5 村首页（扫村码进入的页面）');
    console.log(`  页面      ${url}`);
    console.log(`  浏览器    ${version.Browser ?? '未知'}（${CHROMIUM}）`);
    console.log(`  运行次数  预热 1 次，再测 ${RUNS} 次取中位数`);
    const loadBefore = loadavg()[0];

    // Lighthouse's defaults are the mobile form factor with simulated throttling; only the
    // performance category is gathered, and its text comes back in Chinese.
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], locale: 'zh' };
    // One run first, not counted: a fresh Chromium's first navigation is slower than any later
    // one, and the host makes its compressed copies of each file on first request.
    const warmup = await lighthouse(url, flags);
    console.log(`  预热一次（不计）：${warmup ? figuresOf(warmup.lhr).score : '—'} 分`);
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, flags);
      if (!result) throw new Error('Lighthouse 没有返回结果');
      if (result.lhr.runtimeError) throw new Error(`Lighthouse 运行出错：${result.lhr.runtimeError.message}`);
      runs.push(result.lhr);
      console.log(`  第 ${i + 1} 次：${figuresOf(result.lhr).score} 分`);
    }

    // What Lighthouse actually applied, rather than what its defaults are said to be.
    const { formFactor, screenEmulation: screen, throttlingMethod, throttling: t } = runs[0].configSettings;
    console.log(
      `  节流      ${throttlingMethod === 'simulate' ? '模拟（simulated）' : throttlingMethod}移动端：${formFactor === 'mobile' ? '手机' : formFactor} ${screen.width}×${screen.height}，` +
        `RTT ${t.rttMs} ms，下行 ${((t.throughputKbps ?? 0) / 1024).toFixed(1)} Mbps，CPU 降速 ${t.cpuSlowdownMultiplier} 倍`,
    );

    const figs = runs.map(figuresOf);
    const col = (pick: (f: Figures) => number, fmt: (n: number) => string) => [fmt(median(figs.map(pick))), ...figs.map((f) => fmt(pick(f)))];
    const rows: Array<[string, ...string[]]> = [
      [
        '性能得分',
        ...col(
          (f) => f.score,
          (n) => String(Math.round(n)),
        ),
      ],
      ['首次内容绘制 FCP', ...col((f) => f.fcp, ms)],
      ['最大内容绘制 LCP', ...col((f) => f.lcp, ms)],
      ['总阻塞时间 TBT', ...col((f) => f.tbt, ms)],
      [
        '累积布局偏移 CLS',
        ...col(
          (f) => f.cls,
          (n) => n.toFixed(3),
        ),
      ],
      ['速度指数 Speed Index', ...col((f) => f.si, ms)],
      ['传输总字节', ...col((f) => f.totalBytes, kb)],
      ['JS 传输字节', ...col((f) => f.jsTransfer, kb)],
      ['JS 解压后字节', ...col((f) => f.jsDecoded, kb)],
    ];
    console.log();
    console.log(table(['指标', '中位数（逐项）', ...figs.map((_, i) => `第 ${i + 1} 次`)], rows));

    // Lighthouse's own pick of the representative run (nearest the median FCP and TTI).
    const medianRun = computeMedianRun(runs);
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, 'village-home.html'), generateReport(medianRun, 'html'));
    writeFileSync(join(REPORT_DIR, 'village-home.json'), JSON.stringify(medianRun));

    // Simulated throttling multiplies the CPU time measured here: a busy machine inflates TBT
    // and LCP, so the figures say how busy it was.
    const cores = availableParallelism();
    const load = Math.max(loadBefore, loadavg()[0]);
    const benchmark = median(runs.map((r) => r.environment.benchmarkIndex));
    console.log();
    console.log(
      `  机器：${cores} 核，1 分钟平均负载 ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}，Lighthouse benchmarkIndex ${Math.round(benchmark)}`,
    );
    if (load > cores) console.log('  注意：负载高于核数，CPU 时间（TBT、LCP）偏大，得分偏低；空闲时再测更准。');

    const score = median(figs.map((f) => f.score));
    console.log();
    if (score >= TARGET) {
      console.log(`性能得分中位数 ${score}，达到目标（≥ ${TARGET}）。`);
    } else {
      console.log(`性能得分中位数 ${score}，低于目标 ${TARGET}。Lighthouse 的主要建议与诊断（中位那次）：`);
      for (const line of advice(medianRun)) console.log(`  - ${line}`);
    }
    console.log(`中位那次的完整报告：${join(REPORT_DIR, 'village-home.html')}`);
  } finally {
    await chrome?.kill();
    host?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
