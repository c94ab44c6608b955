import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface PackageSizes {
  /** Bytes of everything outside the subpackage roots. */
  main: number;
  /** Subpackage root → bytes. */
  subpackages: Record<string, number>;
  total: number;
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
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 };
  for (const f of files(outDir)) {
    const rel = relative(outDir, f).split(sep).join('/');
    const bytes = statSync(f).size;
    sizes.total += bytes;
    const root = roots.find((r) => rel.startsWith(r));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
  }
  return sizes;
}
