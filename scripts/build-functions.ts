/**
 * Bundles each cloud function (cloudfunctions/functions/<name>/index.ts) with esbuild into
 * dist/cloudfunctions/<name>/ with its package.json and config.json, ready for WeChat DevTools
 * or `tcb fn deploy`; and the local host into dist/host/main.js.
 */
import { build, type Metafile } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  copyPrintFonts,
  DEFAULT_WAY,
  functionBuildOptions,
  printFonts,
  installable,
  LAZY_CHUNKS,
  TRIMMED_EXTERNAL_WAY,
  unmatchedStubs,
  type BundleWay,
} from './lib/function-bundle';

const root = resolve(__dirname, '..');
const fnRoot = join(root, 'cloudfunctions', 'functions');
const defaultOut = join(root, 'dist', 'cloudfunctions');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Never allowed in a cloud bundle: they belong to the local world. */
const LOCAL_ONLY = ['better-sqlite3', 'cloudfunctions/adapters/local', 'cloudfunctions/host'];

/** The spreadsheet reader's worker (core/sheets/isolate.ts), built beside any bundle that reads sheets. */
const SHEET_WORKER = join(root, 'cloudfunctions', 'core', 'sheets', 'worker.ts');
const readsSheets = (meta: Metafile) => Object.keys(meta.inputs).some((f) => f.endsWith('core/sheets/isolate.ts'));

async function buildSheetWorker(outDir: string, o: { packagesExternal: boolean }): Promise<void> {
  await build({
    entryPoints: [SHEET_WORKER],
    outfile: join(outDir, 'sheet-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    ...(o.packagesExternal ? { packages: 'external' as const } : { minify: true, legalComments: 'none' as const }),
    logLevel: 'warning',
  });
}

function versionOf(dep: string): string {
  return pkg.dependencies?.[dep] ?? pkg.devDependencies?.[dep] ?? '*';
}

/** The lazy chunks (LAZY_CHUNKS) this bundle loads, each built to its own file beside it. */
async function buildLazyChunks(meta: Metafile, outDir: string): Promise<void> {
  const wanted = new Set(Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)));
  for (const [pkgName, file] of Object.entries(LAZY_CHUNKS)) {
    if (!wanted.has(file)) continue;
    await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(pkgName)});`, resolveDir: root, loader: 'js' },
      outfile: join(outDir, file),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}

/** The packages left external that this bundle actually requires: the cloud installs these. */
function usedExternals(meta: Metafile, way: BundleWay): string[] {
  const used = new Set<string>();
  for (const out of Object.values(meta.outputs)) {
    for (const imp of out.imports) if (imp.external && installable(way).includes(imp.path)) used.add(imp.path);
  }
  return [...used].sort();
}

export function functionNames(): string[] {
  return readdirSync(fnRoot).filter((n) => statSync(join(fnRoot, n)).isDirectory() && existsSync(join(fnRoot, n, 'index.ts')));
}

/** Builds one function into `<outRoot>/<name>/`, the way `way` says (the default is what is deployed). */
export async function buildFunction(name: string, way: BundleWay = DEFAULT_WAY, outRoot = defaultOut): Promise<void> {
  const outDir = join(outRoot, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(fnRoot, name, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    ...functionBuildOptions(way),
    metafile: true,
    logLevel: 'warning',
  });
  const leaked = Object.keys(result.metafile.inputs).filter((f) => LOCAL_ONLY.some((l) => f.includes(l)));
  if (leaked.length) throw new Error(`function ${name} bundles local-only code: ${leaked.join(', ')}`);
  const stale = unmatchedStubs(Object.keys(result.metafile.inputs));
  if (stale.length) console.warn(`${name}：SDK 精简规则没有匹配到（SDK 升级后文件变了？包会变大）：${stale.join('；')}`);
  if (readsSheets(result.metafile)) await buildSheetWorker(outDir, { packagesExternal: false });
  await buildLazyChunks(result.metafile, outDir);
  copyPrintFonts(result.metafile, outDir);
  const dependencies = Object.fromEntries(usedExternals(result.metafile, way).map((d) => [d, versionOf(d)]));
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ name, version: pkg.version, private: true, main: 'index.js', dependencies }, null, 2)}\n`);
  const config = join(fnRoot, name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(outDir, 'config.json'));
  else writeFileSync(join(outDir, 'config.json'), '{\n  "permissions": { "openapi": [] }\n}\n');
}

async function buildHost(): Promise<void> {
  const host = await build({
    entryPoints: [join(root, 'cloudfunctions', 'host', 'main.ts')],
    outfile: join(root, 'dist', 'host', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The host runs from the project, so its dependencies load from node_modules.
    packages: 'external',
    plugins: [printFonts],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  copyPrintFonts(host.metafile, join(root, 'dist', 'host'));
  await buildSheetWorker(join(root, 'dist', 'host'), { packagesExternal: true });
}

/**
 * `--sdk external` leaves @cloudbase/node-sdk for the cloud to install (each package.json lists
 * it; set `installDependency` back to true in cloudbaserc.json), should the bundled SDK ever
 * misbehave in production. The other trims stay.
 */
async function main(): Promise<void> {
  const sdkArg = process.argv.indexOf('--sdk');
  const way = sdkArg > 0 && process.argv[sdkArg + 1] === 'external' ? TRIMMED_EXTERNAL_WAY : DEFAULT_WAY;
  const names = functionNames();
  for (const name of names) await buildFunction(name, way);
  await buildHost();
  const how = way.sdk === 'bundled' ? '@cloudbase/node-sdk 打进包内' : '@cloudbase/node-sdk 由云端安装';
  console.log(`已构建云函数（${how}）：${names.join(', ')} → dist/cloudfunctions/；本地服务 → dist/host/main.js`);
}

// Run as a script; imported (by bench:functions), it only lends buildFunction.
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
