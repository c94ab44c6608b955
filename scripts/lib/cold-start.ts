/**
 * Measuring a cloud function's cold start the way a new container sees it: a fresh node process
 * that requires the bundle (and, when given an event, calls `exports.main` once).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs in the child. Module._load is wrapped only to time the SDK's first load when it comes
 * from node_modules; the figure that matters is the hrtime around require(bundle), which
 * includes it. With an event, the first call is timed as well (the SDK's init, the network).
 */
const CHILD = String.raw`
const Module = require('node:module');
const [file, sdk, eventJson] = process.argv.slice(1);
let sdkMs = null;
const load = Module._load;
Module._load = function (request) {
  if (request !== sdk || sdkMs !== null) return load.apply(this, arguments);
  const t = process.hrtime.bigint();
  const m = load.apply(this, arguments);
  sdkMs = Number(process.hrtime.bigint() - t) / 1e6;
  return m;
};
(async () => {
  let error = null, callMs = null, ok = null, mod = null;
  const t0 = process.hrtime.bigint();
  try { mod = require(file); } catch (e) { error = String((e && e.message) || e).split('\n')[0]; }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (mod && eventJson) {
    const t1 = process.hrtime.bigint();
    try { ok = (await mod.main(JSON.parse(eventJson), {})).ok === true; } catch (e) { error = String((e && e.message) || e).split('\n')[0]; }
    callMs = Number(process.hrtime.bigint() - t1) / 1e6;
  }
  process.stdout.write(JSON.stringify({ ms, sdkMs, callMs, ok, error }));
  // The SDK may hold sockets open; the measurement is done, so do not wait for them.
  process.exit(0);
})();
`;

export interface Sample {
  /** require(bundle), ms. */
  ms: number;
  /** The SDK's first load from node_modules inside that require, ms; null when it is bundled. */
  sdkMs: number | null;
  /** The first call to exports.main, ms (only when an event was given). */
  callMs: number | null;
  ok: boolean | null;
  error: string | null;
}

// No inherited NODE_OPTIONS: a loader hook there would tax every require and skew the figures.
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/** One fresh process that requires `file` (run from its directory), and calls it with `event` if given. */
export async function sample(file: string, sdk: string, event?: unknown, env: Record<string, string | undefined> = {}): Promise<Sample> {
  const args = ['-e', CHILD, file, sdk, ...(event === undefined ? [] : [JSON.stringify(event)])];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: dirname(file), env: childEnv(env), encoding: 'utf8', timeout: 60_000 });
    return JSON.parse(stdout) as Sample;
  } catch (e) {
    const err = e as { stderr?: string; code?: number };
    return {
      ms: NaN,
      sdkMs: null,
      callMs: null,
      ok: null,
      error: `子进程没有给出结果（退出码 ${err.code ?? '?'}）：${(err.stderr ?? '').trim().split('\n')[0]}`,
    };
  }
}

export function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const maxOf = (xs: number[]) => Math.max(...xs.filter(Number.isFinite));
export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      // A nested node_modules holds dependencies counted on their own.
      if (name === 'node_modules') continue;
      const sub = dirBytes(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += st.size;
      files += 1;
    }
  }
  return { bytes, files };
}

/**
 * What `npm install <name>` puts on disk, as installed here: the package and everything it
 * depends on (production dependencies), each package counted once.
 */
export function installedSize(name: string, from: string): { packages: number; files: number; bytes: number } {
  const seen = new Set<string>();
  const queue: [string, string][] = [[name, from]];
  let files = 0;
  let bytes = 0;
  while (queue.length) {
    const [dep, base] = queue.shift() as [string, string];
    const dir = packageDir(dep, base);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const size = dirBytes(dir);
    files += size.files;
    bytes += size.bytes;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const d of Object.keys(pkg.dependencies ?? {})) queue.push([d, dir]);
  }
  return { packages: seen.size, files, bytes };
}
