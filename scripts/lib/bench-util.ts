import { cpus, totalmem } from 'node:os';
import Database from 'better-sqlite3';

/** The q-th quantile (0–1) of `xs`, nearest-rank. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function spread(xs: number[]): Spread {
  return { n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) };
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The machine a figure was measured on, one line. */
export function machine(): string {
  const c = cpus();
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  return `${c[0]?.model.trim() ?? 'CPU'} × ${c.length}，内存 ${(totalmem() / 2 ** 30).toFixed(1)} GB，Node ${process.versions.node}，SQLite ${sqlite}`;
}

/** Pads a row of cells to the given widths (CJK characters count double, as a terminal shows them). */
export function row(cells: string[], widths: number[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return cells.map((c, i) => c + ' '.repeat(Math.max(1, (widths[i] ?? 0) - width(c)))).join('');
}
