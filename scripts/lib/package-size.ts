import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface PackageSizes {
  /** Bytes of everything outside the subpackage roots. */
  main: number;
  /** Subpackage root → bytes. */
  subpackages: Record<string, number>;
  total: number;
  /** Main-package files (path relative to the output, with `/`) → bytes, to say what the main package is made of. */
  mainFiles: Record<string, number>;
}

/** The platform's limit for any one package (main or sub). */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Splits a weapp build into its main package and subpackages, as WeChat counts them. */
export function measureWeapp(outDir: string): PackageSizes {
  const appJson = join(outDir, 'app.json');
  if (!existsSync(appJson)) throw new Error(`${appJson} not found: run npm run build:weapp first`);
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0, mainFiles: {} };
  for (const f of files(outDir)) {
    const rel = relative(outDir, f).split(sep).join('/');
    const bytes = statSync(f).size;
    sizes.total += bytes;
    const root = roots.find((r) => rel.startsWith(r));
    if (root) sizes.subpackages[root] += bytes;
    else {
      sizes.main += bytes;
      sizes.mainFiles[rel] = bytes;
    }
  }
  return sizes;
}

/** Each built cloud function's bundle, `<dir>/<name>/index.js`, sorted by name. */
export function builtFunctions(dir: string): { name: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, file: join(dir, name, 'index.js') }))
    .filter((f) => existsSync(f.file));
}

/** `558205` → `558,205`: byte counts are read, not parsed. */
export const bytes = (n: number) => n.toLocaleString('en-US');
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Terminal columns of a string: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/**
 * A plain-text table for the bench scripts. Chinese headings are twice as wide as they are long,
 * so padEnd alone would skew every column after them. Columns listed in `right` align right (numbers).
 */
export function table(head: string[], rows: string[][], right: number[] = []): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => {
        const gap = ' '.repeat(widths[i] - width(c));
        return right.includes(i) ? gap + c : c + gap;
      })
      .join('  ')
      .trimEnd()}`;
  return [line(head), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}
