import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { C, OWNER } from '../../cloudfunctions/core/collections';

const ROOT = resolve(__dirname, '..', '..');
const SDK_IMPORT = /(from\s+|require\(\s*|import\(\s*)['"](@cloudbase\/node-sdk|wx-server-sdk)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx|js)$/.test(name) ? [p] : [];
  });
}

it('lets no file outside adapters/cloudbase import a CloudBase SDK', () => {
  const offenders = ['src', 'cloudfunctions', 'types', 'scripts', 'config']
    .flatMap((d) => sources(join(ROOT, d)))
    .filter((f) => !relative(ROOT, f).startsWith(join('cloudfunctions', 'adapters', 'cloudbase')))
    .filter((f) => SDK_IMPORT.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

it('keeps the core free of I/O: no SDK, SQLite, file system or network imports', () => {
  const forbidden = /['"](better-sqlite3|node:fs|fs|node:http|http|@cloudbase\/node-sdk|wx-server-sdk|@tarojs\/taro)['"]/;
  const offenders = sources(join(ROOT, 'cloudfunctions', 'core'))
    .filter((f) => forbidden.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

it('builds cloud functions that carry no local-only code', () => {
  const out = join(ROOT, 'dist', 'cloudfunctions');
  if (!existsSync(out)) throw new Error('Build first: npm run build:functions (npm test does it).');
  const names = readdirSync(out);
  expect(names).toContain('village');
  for (const name of names) {
    const bundle = readFileSync(join(out, name, 'index.js'), 'utf8');
    expect(bundle).not.toContain('better-sqlite3');
    expect(bundle).not.toContain('x-dev-persona');
    const pkg = JSON.parse(readFileSync(join(out, name, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('index.js');
    expect(existsSync(join(out, name, 'config.json'))).toBe(true);
  }
});

it('exposes exports.main from each built function', () => {
  const out = join(ROOT, 'dist', 'cloudfunctions');
  for (const name of readdirSync(out)) {
    // Loading the bundle must not touch CloudBase: the SDK is only initialised on the first call.
    const mod = require(join(out, name, 'index.js'));
    expect(typeof mod.main).toBe('function');
  }
});

/**
 * Dates are Beijing time everywhere, so each side reckons them in one module: the app in
 * src/services/china-time.ts (which also takes "now" from the server), the functions in
 * cloudfunctions/core/shared/time.ts. Reading the phone's clock, a zone's getters or the first
 * ten characters of a UTC timestamp anywhere else is how a date slips a day.
 */
it('lets the app read clocks and format dates only through its time module', () => {
  const own = join(ROOT, 'src', 'services', 'china-time.ts');
  const clockOrZone =
    /new Date\(|Date\.now\(|Date\.parse\(|\.get(UTC)?(FullYear|Month|Date|Day|Hours|Minutes)\(|toLocale(Date|Time)?String\(|\.(slice|substring|substr)\(0, ?(10|16|19)\)/;
  const offenders = sources(join(ROOT, 'src'))
    .filter((f) => f !== own && clockOrZone.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

it("keeps the functions' dates in shared/time.ts: no dayjs, zone getters or cut timestamps elsewhere in the core", () => {
  const own = join(ROOT, 'cloudfunctions', 'core', 'shared', 'time.ts');
  const zoned = /from ['"]dayjs|\.get(FullYear|Month|Date|Day|Hours|Minutes)\(|toLocale(Date|Time)String\(|toISOString\(\)\.(slice|substring)\(/;
  const offenders = sources(join(ROOT, 'cloudfunctions', 'core'))
    .filter((f) => f !== own && zoned.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

/**
 * The core's capabilities (village, disclosure, …) and shared concerns (audit, messages, limits, …)
 * each have one face, core/<name>/api.ts: the only file another of them may import, so what one
 * uses of another is listed in one place. core/shared and the top-level collections.ts and
 * scheduler.ts belong to no one and anyone may import them.
 */
const CORE = join(ROOT, 'cloudfunctions', 'core');
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;

/** core/<dir> of a file (or a resolved import) inside the core, or null for a top-level file. */
function coreDirOf(p: string): string | null {
  const parts = relative(CORE, p).split(/[\\/]/);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
}

/** Every relative import of every file under core/<dir>/, resolved to a path without extension. */
function coreImports(): { file: string; dir: string; target: string; spec: string }[] {
  return sources(CORE).flatMap((file) => {
    const dir = coreDirOf(file);
    if (!dir) return [];
    return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({ file, dir, spec: m[1], target: resolve(file, '..', m[1]) }));
  });
}

/** Edges between capabilities and shared concerns: X imports Y's face. */
function capabilityEdges(): Set<string> {
  const edges = new Set<string>();
  for (const i of coreImports()) {
    const to = coreDirOf(i.target);
    if (to && to !== i.dir && to !== 'shared' && relative(CORE, i.target).startsWith(to)) edges.add(`${i.dir} -> ${to}`);
  }
  return edges;
}

it('lets a core capability import another only through its face (core/<name>/api)', () => {
  const offenders = coreImports()
    .filter((i) => {
      const to = coreDirOf(i.target);
      if (!to || to === i.dir || to === 'shared' || !relative(CORE, i.target).startsWith(to)) return false;
      return i.target !== join(CORE, to, 'api');
    })
    .map((i) => `${relative(ROOT, i.file)} imports ${i.spec}`);
  expect(offenders).toEqual([]);
  // The scan sees the faces being used: a broken import pattern would pass the check above blind.
  expect(capabilityEdges().size).toBeGreaterThan(20);
});

/**
 * Two capabilities that use each other are one capability in two folders. None do: the shapes
 * everyone reads (villages, townships, roster people, an audit actor) are in core/shared/records,
 * and who is calling is core/caller, which reads and writes no capability's face.
 */
it('has no two core capabilities using each other', () => {
  const edges = capabilityEdges();
  const ties = [...edges]
    .map((e) => e.split(' -> '))
    .filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`))
    .map(([a, b]) => `${a} <-> ${b}`)
    .sort();
  expect(ties).toEqual([]);
});

it('has no two core files importing each other', () => {
  const pairs = new Set(coreImports().map((i) => `${i.file.replace(/\.ts$/, '')} ${i.target}`));
  const mutual = [...pairs]
    .map((p) => p.split(' '))
    .filter(([a, b]) => a < b && pairs.has(`${b} ${a}`))
    .map(([a, b]) => `${relative(ROOT, a)} <-> ${relative(ROOT, b)}`);
  expect(mutual).toEqual([]);
});

/**
 * Only a collection's owner (OWNER in core/collections.ts) writes it. A write is a DocStore call
 * that changes documents (ports/docstore.ts): add, addMany, set, update or remove on a collection,
 * or add, set, update or remove in a transaction, naming the collection by its C constant or a
 * local alias of one (`const DAILY = C.auditDaily`). A write whose collection the scan cannot name
 * fails too, so the check cannot be dodged by passing the name around.
 */
it('lets only its owning capability write a collection', () => {
  const key = Object.fromEntries(Object.entries(C).map(([k, v]) => [v, k])) as Record<string, keyof typeof C>;
  const offenders: string[] = [];
  const written = new Set<string>();
  for (const file of sources(CORE)) {
    const dir = coreDirOf(file);
    if (!dir) continue;
    const src = readFileSync(file, 'utf8');
    const aliases = new Map<string, string>();
    for (const m of src.matchAll(/\bconst\s+(\w+)\s*=\s*C\.(\w+)\b/g)) aliases.set(m[1], m[2]);
    for (const m of src.matchAll(/\bconst\s+(\w+)\s*=\s*['"]([a-z_]+)['"]/g)) if (key[m[2]]) aliases.set(m[1], key[m[2]]);
    const name = (token: string) => (token.startsWith('C.') ? token.slice(2) : aliases.get(token));
    const writes: { token: string; via: string }[] = [];
    // In a transaction: `tx` and any other parameter typed Transaction.
    const txs = new Set(['tx', ...[...src.matchAll(/\b(\w+)\??:\s*Transaction\b/g)].map((m) => m[1])]);
    for (const t of txs) {
      for (const m of src.matchAll(new RegExp(`\\b${t}\\.(add|set|update|remove)\\(\\s*([\\w.]+)`, 'g'))) writes.push({ token: m[2], via: `${t}.${m[1]}` });
    }
    // On a collection, directly or through a variable holding it.
    const collection = /\.collection(?:<[^;]*?>)?\(\s*([\w.]+)\s*\)/;
    for (const m of src.matchAll(new RegExp(`${collection.source}\\s*\\.(add|addMany|set|update|remove)\\(`, 'g'))) writes.push({ token: m[1], via: m[2] });
    for (const m of src.matchAll(new RegExp(`\\b(?:const|let)\\s+(\\w+)\\s*=\\s*[\\w.]*${collection.source}\\s*;`, 'g'))) {
      for (const w of src.matchAll(new RegExp(`\\b${m[1]}\\.(add|addMany|set|update|remove)\\(`, 'g'))) writes.push({ token: m[2], via: `${m[1]}.${w[1]}` });
    }
    for (const w of writes) {
      const k = name(w.token);
      const where = `${relative(ROOT, file)}: ${w.via}(${w.token})`;
      if (!k || !(k in OWNER)) offenders.push(`${where} writes a collection the scan cannot name`);
      else if (OWNER[k as keyof typeof C] !== dir) offenders.push(`${where} writes a collection owned by ${OWNER[k as keyof typeof C]}`);
      else written.add(k);
    }
  }
  expect(offenders).toEqual([]);
  // The scan sees the writes: most collections are written somewhere in the core.
  expect(written.size).toBeGreaterThan(35);
});
