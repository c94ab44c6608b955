/**
 * Driving WeChat's own compilers, wcc and wcsc, as the DevTools do (see wechat-compiler.test.ts for
 * why we run the binaries ourselves), and reading what they report.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { isObject, OUT, readJson } from './weapp-files';

// ---------------------------------------------------------------------------------------------
// wcc / wcsc
// ---------------------------------------------------------------------------------------------
let binDir = '';
const bin = { wcc: '', wcsc: '' };

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: Error;
}
export function run(exe: string, args: string[]): RunResult {
  // cwd is dist/weapp: the compilers resolve <import>, <wxs src> and @import against the paths they are given.
  const r = spawnSync(exe, args, { cwd: OUT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}
/** Error text for a failed run, or '' when it exited 0 and printed nothing on stderr (which is what a clean compile does). */
export function failure(what: string, r: RunResult): string {
  if (r.error) return `${what}: could not run: ${r.error.message}`;
  if (r.status !== 0 || r.signal) return `${what}: exit ${r.status ?? r.signal}\n${r.stderr.trim()}`;
  if (r.stderr.trim()) return `${what}: exited 0 but reported:\n${r.stderr.trim()}`;
  return '';
}

/**
 * wcc, called with the DevTools' arguments (as miniprogram-compiler's wxmlToJs calls it).
 * "-cc" takes "<number of pages with usingComponents> <page.wxml> <n> <tag...> ..." so wcc knows
 * which tags are custom components. "-gn $gwx" names the generated entry function.
 */
export function compileWxml(files: string[]): { wxml: string[]; result: RunResult } {
  const have = new Set(files);
  const wxml = files.filter((f) => f.endsWith('.wxml'));
  const wxs = files.filter((f) => f.endsWith('.wxs'));
  const comp: (string | number)[] = [];
  let count = 0;
  for (const f of wxml) {
    const json = f.replace(/\.wxml$/, '.json');
    if (!have.has(json)) continue;
    const using = readJson(json).usingComponents;
    if (!isObject(using)) continue;
    count += 1;
    comp.push(f, Object.keys(using).length, ...Object.keys(using));
  }
  return { wxml, result: run(bin.wcc, ['-d', '-cc', [count, ...comp].join(' '), ...wxml, ...wxs, '-gn', '$gwx']) };
}

/**
 * wcsc, called the way the DevTools call it. "-pc N" says that the first N files belong to pages or
 * components (they have a .json). For those, wcsc marks the selectors WeChat doesn't allow in
 * component styles. app.wxss is global, not a page, even though app.json sits next to it.
 */
export function compileWxss(files: string[]): RunResult {
  const have = new Set(files);
  const wxss = files.filter((f) => f.endsWith('.wxss'));
  const own = wxss.filter((f) => f !== 'app.wxss' && have.has(f.replace(/\.wxss$/, '.json')));
  const rest = wxss.filter((f) => !own.includes(f));
  return run(bin.wcsc, ['-db', '-pc', String(own.length), ...own, ...rest]);
}

/** wcsc escapes its output as JS string contents (\x22 for ", \n ...). Undo that enough to read the messages. */
const unescapeWcsc = (s: string) =>
  s
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\n/g, '\n');

/** The whole selector around line:col (1-based) of a wxss file, to name it in the failure. */
function selectorAt(file: string, line: number, col: number): string {
  const text = readFileSync(join(OUT, file), 'utf8').split('\n')[line - 1] ?? '';
  let start = col - 1;
  while (start > 0 && !'{},;'.includes(text[start - 1])) start -= 1;
  let end = col - 1;
  while (end < text.length && !'{,'.includes(text[end])) end += 1;
  return `"${text.slice(start, end).trim()}"`;
}

/**
 * Selectors from NutUI's own stylesheets that WeChat would flag and that can never match on weapp:
 * NutUI styles the <img> its Image component renders in H5; the mini-program draws an <image>.
 * Anything else flagged — the project's own styles above all — fails the test.
 */
export const DEAD_THIRD_PARTY_SELECTORS = [/→ "\.nut-[^"]*\.nut-image img"$/];

/** The warnings that wcsc puts into its output instead of printing them. */
export function wcscWarnings(stdout: string): { file: string; message: string }[] {
  const text = unescapeWcsc(stdout);
  const out: { file: string; message: string }[] = [];
  // setCssToHead([...css...], _xcInvalid, {path:"file.wxss"}): the second argument is undefined unless
  // the file uses a selector that WeChat forbids in component styles.
  for (const m of text.matchAll(/\],("(?:[^"\\]|\\.)*"),\{path:"([^"]*)"\}\)/g)) {
    const message = m[1].slice(1, -1);
    const at = /\(([^():]+):(\d+):(\d+)\)$/.exec(message);
    out.push({ file: m[2].replace(/^\.\//, ''), message: at ? `${message} → ${selectorAt(at[1], Number(at[2]), Number(at[3]))}` : message });
  }
  // url(./a.png) becomes url(./a.png-do-not-use-local-path-file.wxss&line&col): a WXSS background can't load a local file.
  // (In the -db output the "&" comes as "\&".)
  for (const m of text.matchAll(/url\(\s*['"]?([^)]*?)-do-not-use-local-path-([^&)\\]*)\\?&(\d+)\\?&(\d+)/g)) {
    out.push({ file: m[2], message: `${m[2]}:${m[3]}:${m[4]}: url(${m[1]}) is a local path; WXSS can only load network or base64 images` });
  }
  return out;
}

/**
 * Runs wcc's output the way the WeChat render layer does, in a separate vm context. The separate
 * context matters: the code defines nv_* properties on Object.prototype and friends, and WXS only
 * sees data objects created in its own realm (it checks e.constructor === Object). The generated
 * code writes window.__wcc_version__, so the context is its own "window". It reports through
 * console.warn("WXMLRT_$gwx:...").
 */
export function loadGwx(code: string, label: string) {
  const logs: string[] = [];
  const keep = (...a: unknown[]) => logs.push(a.map(String).join(' '));
  const sandbox: Record<string, unknown> = { console: { warn: keep, error: keep, log() {}, info() {}, debug() {} } };
  sandbox.window = sandbox;
  const ctx = vm.createContext(sandbox);
  vm.runInContext(`${code}\n;var __gwx = $gwx;`, ctx, { filename: `wcc-${label}.js` });
  /** Renders a compiled WXML file with data (a JSON value, built inside the context). */
  const render = (file: string, data: unknown): { ok: true; tree: { children?: unknown[] } } | { ok: false; error: string } => {
    try {
      const fn = vm.runInContext(`__gwx(${JSON.stringify(file)})`, ctx);
      if (typeof fn !== 'function') return { ok: false, error: 'not in the compiled output' };
      return { ok: true, tree: vm.runInContext(`__gwx(${JSON.stringify(file)})(${JSON.stringify(data)})`, ctx) };
    } catch (e) {
      return { ok: false, error: `threw ${(e as Error)?.message ?? e}` };
    }
  };
  return { render, logs };
}

/** Copies wcc and wcsc out of miniprogram-compiler for this file's tests, and removes them afterwards. */
export function withWechatCompilers(): void {
  beforeAll(() => {
    // npm installs the binaries without the execute bit (mode 644). Run copies from a temp dir so
    // node_modules is left alone; the package's own wrapper chmods them in place instead.
    const platform = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux';
    if (platform === 'linux' && process.arch !== 'x64') throw new Error(`miniprogram-compiler ships wcc/wcsc for Linux x64 only, not ${process.arch}`);
    const ext = platform === 'windows' ? '.exe' : '';
    const pkgDir = dirname(require.resolve('miniprogram-compiler/package.json'));
    binDir = mkdtempSync(join(tmpdir(), 'sv-wechat-compiler-'));
    for (const name of ['wcc', 'wcsc'] as const) {
      bin[name] = join(binDir, name + ext);
      copyFileSync(join(pkgDir, 'bin', platform, name + ext), bin[name]);
      chmodSync(bin[name], 0o755);
    }
  });
  afterAll(() => {
    if (binDir) rmSync(binDir, { recursive: true, force: true });
  });
}
