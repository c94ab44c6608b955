/** Reading dist/weapp as WeChat sees it: its files, app.json and its packages. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const OUT = join(ROOT, 'dist', 'weapp');

/** Fails the file's tests up front, with the fix, when there is no weapp build to check. */
export function requireWeappBuild(): void {
  beforeAll(() => {
    if (!existsSync(join(OUT, 'app.json'))) throw new Error('Build first: npm run build:weapp (npm test does it).');
  });
}

export type Json = Record<string, unknown>;
export interface Pkg {
  /** For messages: "main package" or the subpackage root. */
  name: string;
  /** '' for the main package, else "packages/cadre/" (always with a trailing slash). */
  root: string;
  independent: boolean;
  /** Page paths relative to dist/weapp, without extension. */
  pages: string[];
}

/** Every file under dir, as a posix path relative to dist/weapp, which is how wcc, wcsc and app.json name files. */
export function listFiles(dir = OUT, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : listFiles(join(dir, e.name), rel);
    return [rel];
  });
}
export const stat = (rel: string) => {
  try {
    return statSync(join(OUT, rel));
  } catch {
    return undefined;
  }
};
export const isFile = (rel: string) => stat(rel)?.isFile() ?? false;
export const isDir = (rel: string) => stat(rel)?.isDirectory() ?? false;
export const readJson = (rel: string): Json => JSON.parse(readFileSync(join(OUT, rel), 'utf8')) as Json;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readApp(): Json {
  return readJson('app.json');
}

/** The main package and each subpackage, with page paths made relative to dist/weapp. */
export function packagesOf(app: Json): Pkg[] {
  const subs = ((app.subPackages ?? app.subpackages ?? []) as Json[]).map((s) => {
    const root = `${String(s.root).replace(/\/+$/, '')}/`;
    return { name: root, root, independent: s.independent === true, pages: ((s.pages ?? []) as string[]).map((p) => root + p) };
  });
  return [{ name: 'main package', root: '', independent: false, pages: (app.pages ?? []) as string[] }, ...subs];
}
export const subRoots = (pkgs: Pkg[]) => pkgs.filter((p) => p.root).map((p) => p.root);
export const ownerOf = (file: string, pkgs: Pkg[]) => pkgs.find((p) => p.root && file.startsWith(p.root)) ?? pkgs[0];

/** The files WeChat has loaded while a package runs: the package's own, plus the main package's unless it is independent. */
export function filesFor(pkg: Pkg, all: string[], pkgs: Pkg[]): string[] {
  const roots = subRoots(pkgs);
  const inMain = (f: string) => !roots.some((r) => f.startsWith(r));
  if (!pkg.root) return all.filter(inMain);
  return all.filter((f) => f.startsWith(pkg.root) || (!pkg.independent && inMain(f)));
}
