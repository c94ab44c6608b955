/**
 * Bundles each cloud function (cloudfunctions/functions/<name>/index.ts) with esbuild into
 * dist/cloudfunctions/<name>/ with its package.json and config.json, ready for WeChat DevTools
 * or `tcb fn deploy`; and the local host into dist/host/main.js.
 */
import { build, type Metafile } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const fnRoot = join(root, 'cloudfunctions', 'functions');
const outRoot = join(root, 'dist', 'cloudfunctions');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Installed by the cloud at deploy time rather than bundled (they carry native or large parts). */
const CLOUD_EXTERNALS = ['@cloudbase/node-sdk', 'wx-server-sdk'];
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

function usedExternals(meta: Metafile): string[] {
  const used = new Set<string>();
  for (const out of Object.values(meta.outputs)) {
    for (const imp of out.imports) if (imp.external && CLOUD_EXTERNALS.includes(imp.path)) used.add(imp.path);
  }
  return [...used].sort();
}

export function functionNames(): string[] {
  return readdirSync(fnRoot).filter((n) => statSync(join(fnRoot, n)).isDirectory() && existsSync(join(fnRoot, n, 'index.ts')));
}

async function buildFunction(name: string): Promise<void> {
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
    external: CLOUD_EXTERNALS,
    metafile: true,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const leaked = Object.keys(result.metafile.inputs).filter((f) => LOCAL_ONLY.some((l) => f.includes(l)));
  if (leaked.length) throw new Error(`function ${name} bundles local-only code: ${leaked.join(', ')}`);
  if (readsSheets(result.metafile)) await buildSheetWorker(outDir, { packagesExternal: false });
  const dependencies = Object.fromEntries(usedExternals(result.metafile).map((d) => [d, versionOf(d)]));
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify({ name, version: pkg.version, private: true, main: 'index.js', dependencies }, null, 2)}\n`,
  );
  const config = join(fnRoot, name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(outDir, 'config.json'));
  else writeFileSync(join(outDir, 'config.json'), '{\n  "permissions": { "openapi": [] }\n}\n');
}

async function buildHost(): Promise<void> {
  await build({
    entryPoints: [join(root, 'cloudfunctions', 'host', 'main.ts')],
    outfile: join(root, 'dist', 'host', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The host runs from the project, so its dependencies load from node_modules.
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  await buildSheetWorker(join(root, 'dist', 'host'), { packagesExternal: true });
}

async function main(): Promise<void> {
  const names = functionNames();
  for (const name of names) await buildFunction(name);
  await buildHost();
  console.log(`已构建云函数：${names.join(', ')} → dist/cloudfunctions/；本地服务 → dist/host/main.js`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
