import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
  const clockOrZone = /new Date\(|Date\.now\(|Date\.parse\(|\.get(UTC)?(FullYear|Month|Date|Day|Hours|Minutes)\(|toLocale(Date|Time)?String\(|\.(slice|substring|substr)\(0, ?(10|16|19)\)/;
  const offenders = sources(join(ROOT, 'src'))
    .filter((f) => f !== own && clockOrZone.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

it('keeps the functions\' dates in shared/time.ts: no dayjs, zone getters or cut timestamps elsewhere in the core', () => {
  const own = join(ROOT, 'cloudfunctions', 'core', 'shared', 'time.ts');
  const zoned = /from ['"]dayjs|\.get(FullYear|Month|Date|Day|Hours|Minutes)\(|toLocale(Date|Time)String\(|toISOString\(\)\.(slice|substring)\(/;
  const offenders = sources(join(ROOT, 'cloudfunctions', 'core'))
    .filter((f) => f !== own && zoned.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});
