import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import vm from 'node:vm';

/**
 * Checks dist/weapp the way WeChat checks it, so a build that the DevTools or the upload would reject
 * fails here. npm test builds it before jest runs. Needs no DevTools, appid or network.
 *
 * 1. Every WXML and WXSS file goes through WeChat's own compilers, wcc and wcsc. The npm package
 *    miniprogram-compiler (MIT, published by wechat-miniprogram) ships them for Linux x64, macOS and
 *    Windows. We run the binaries ourselves and don't use the package's JS wrappers, because:
 *    - wxssToJs hides wcsc's error: wcsc.js *returns* an Error and index.js then calls unescapeJs(undefined),
 *      so all you get is "TypeError: Cannot read properties of undefined (reading 'replace')";
 *    - wxssToJs only finds page jsons when given an absolute root (it require()s them), and counts
 *      app.wxss as a page because app.json exists;
 *    - both drop stderr when the exit code is 0 and cap the output at 1 MB (maxBuffer).
 *    wcc and wcsc report errors as a non-zero exit code plus a "file:line:col: message" line on stderr.
 *    Some problems don't make them fail, though. They end up in the generated code and only show
 *    later, in the DevTools console:
 *    - wcc: a missing <import>/<include> or an unknown <template is="..."> turns into
 *      console.warn("WXMLRT_$gwx:...") when the page renders. So the test runs the generated code in a
 *      vm context and renders every WXML file.
 *    - wcsc: a tag, ID or attribute selector in a page's or component's wxss becomes the second
 *      argument of setCssToHead(...): "Some selectors are not allowed in component wxss, ...". A
 *      local url() in a style becomes "...-do-not-use-local-path-...".
 *    Each package is compiled with what WeChat has loaded while it runs: the main package alone,
 *    and each subpackage together with the main package (or alone if it is independent). So a
 *    main-package file that leans on a subpackage file fails too.
 * 2. app.json and every page's and component's json follow WeChat's rules: only known keys, pages
 *    and subpackage roots that exist, the tabBar limits, and usingComponents that resolve.
 *
 * Caveat: the compilers are wcc v0.5vv_20200413 and wcsc v0.4me_20190328. WXML/WXSS syntax that
 * WeChat added later would be rejected here even though the current DevTools accept it. If that
 * happens, check the failure in the DevTools before working around it.
 */
const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'dist', 'weapp');

// ---------------------------------------------------------------------------------------------
// Keys WeChat accepts. The DevTools flag any other key as invalid ("无效的 app.json [...]"), and
// typos such as "navigationbarTitleText" fail silently on the phone.
// Source: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
// (全局配置) and .../configuration/page.html (页面配置), checked against the JSON schemas that the
// DevTools' compiler uses, as shipped in miniprogram-ci 2.1.42 (dist/schema/dist/app.js and page.js,
// all with additionalProperties: false). app.json keys are the schema's top-level properties (less
// the internal "__warning__") plus "supportedMaterials", which the doc lists (2.14.3) and that schema
// leaves out. The deprecated "navigateToMiniProgramAppIdList" (in older versions of the doc, not in
// the schema) is left out on purpose.
// ---------------------------------------------------------------------------------------------
const APP_KEYS = new Set([
  'entryPagePath',
  'pages',
  'window',
  'tabBar',
  'networkTimeout',
  'debug',
  'functionalPages',
  'subPackages',
  'subpackages',
  'workers',
  'requiredBackgroundModes',
  'requireBackgroundModes',
  'requiredPrivateInfos',
  'plugins',
  'preloadRule',
  'resizable',
  'usingComponents',
  'permission',
  'sitemapLocation',
  'style',
  'useExtendedLib',
  'entranceDeclare',
  'darkmode',
  'themeLocation',
  'theme',
  'lazyCodeLoading',
  'lazyCodeLoadingLegacy',
  'singlePage',
  'supportedMaterials',
  'serviceProviderTicket',
  'embeddedAppIdList',
  'halfPage',
  'debugOptions',
  'enablePassiveEvent',
  'resolveAlias',
  'renderer',
  'rendererOptions',
  'componentFramework',
  'componentPlaceholder',
  'miniApp',
  'static',
  'appBar',
  'chatTools',
  'agent',
  'accountCardPackage',
  'xrEntryPagePath',
  'keepContextPageInCycleJump',
  'mimeTypeDeclarations',
  'displayMode',
  'frameset',
  'cloud',
  'cloudVersion',
  'cloudConfig',
  'openDataContext',
  'openLocationPagePath',
  'mini-ios',
  'mini-android',
  'mini-weixin',
  '__usePrivacyCheck__',
]);
/** app.json "window" (schema IWindow). A page's json may set the same keys at its top level. */
const WINDOW_KEYS = new Set([
  'navigationBarBackgroundColor',
  'navigationBarTextStyle',
  'navigationBarTitleText',
  'navigationStyle',
  'homeButton',
  'backgroundColor',
  'backgroundTextStyle',
  'backgroundColorTop',
  'backgroundColorBottom',
  'backgroundColorContent',
  'enablePullDownRefresh',
  'onReachBottomDistance',
  'pageOrientation',
  'renderingMode',
  'restartStrategy',
  'initialRenderingCache',
  'visualEffectInBackground',
  'handleWebviewPreload',
]);
/** A page's or component's json: the window keys plus these. */
const PAGE_KEYS = new Set([
  ...WINDOW_KEYS,
  'usingComponents',
  'component',
  'componentGenerics',
  'componentPlaceholder',
  'styleIsolation',
  'pureDataPattern',
  'disableScroll',
  'disableSwipeBack',
  'enablePassiveEvent',
  'style',
  'singlePage',
  'renderer',
  'rendererOptions',
  'componentFramework',
  'pageJSONLight',
  'pageJSONDark',
  'mini-ios',
  'mini-android',
  'mini-ohos',
  'mini-weixin',
]);
const TABBAR_KEYS = new Set(['color', 'selectedColor', 'backgroundColor', 'borderStyle', 'position', 'custom', 'list']);
const TABBAR_ITEM_KEYS = new Set(['pagePath', 'text', 'iconPath', 'selectedIconPath', 'renderer']);
const SUBPACKAGE_KEYS = new Set(['root', 'name', 'pages', 'independent', 'entry', 'plugins', 'useExtendedLib', 'componentFramework', 'renderer']);
/** The tabBar limits the DevTools apply (miniprogram-ci's DefaultProjectAttr: MinTabbarCount 2,
 *  MaxTabbarCount 5, MaxTabbarIconSize 40 KB; icons only .png/.jpg/.jpeg), as in the doc's tabBar section. */
const TABBAR_MIN = 2;
const TABBAR_MAX = 5;
const TABBAR_ICON_MAX_BYTES = 40 * 1024;
const TABBAR_ICON_EXTS = ['.png', '.jpg', '.jpeg'];

type Json = Record<string, unknown>;
interface Pkg {
  /** For messages: "main package" or the subpackage root. */
  name: string;
  /** '' for the main package, else "packages/cadre/" (always with a trailing slash). */
  root: string;
  independent: boolean;
  /** Page paths relative to dist/weapp, without extension. */
  pages: string[];
}

/** Every file under dir, as a posix path relative to dist/weapp, which is how wcc, wcsc and app.json name files. */
function listFiles(dir = OUT, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : listFiles(join(dir, e.name), rel);
    return [rel];
  });
}
const stat = (rel: string) => {
  try {
    return statSync(join(OUT, rel));
  } catch {
    return undefined;
  }
};
const isFile = (rel: string) => stat(rel)?.isFile() ?? false;
const isDir = (rel: string) => stat(rel)?.isDirectory() ?? false;
const readJson = (rel: string): Json => JSON.parse(readFileSync(join(OUT, rel), 'utf8')) as Json;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Same test as the DevTools' isHexColor: #rgb, #rgba, #rrggbb or #rrggbbaa. */
const isHexColor = (v: unknown) => typeof v === 'string' && /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v);
/** "@name" refers to theme.json when darkmode is on; the schema allows it wherever a color or style goes. */
const isThemeVar = (v: unknown) => typeof v === 'string' && v.startsWith('@');
const unknownKeys = (obj: Json, allowed: Set<string>) => Object.keys(obj).filter((k) => !allowed.has(k));

/**
 * The rules the DevTools apply to a path written in app.json (miniprogram-ci's checkPath): a
 * non-empty string, no backslash, no "//" (so no "http://"), no leading ".", "/" or space, no "../".
 */
function pathProblems(value: unknown, where: string, { allowLeadingDotOrSlash = false } = {}): string[] {
  if (typeof value !== 'string' || value === '') return [`${where}: must be a non-empty string`];
  const out: string[] = [];
  if (value.includes('\\')) out.push(`${where}: "${value}" must not contain "\\"`);
  if (value.includes('//')) out.push(`${where}: "${value}" must not contain "//" (network paths are not allowed)`);
  if (!allowLeadingDotOrSlash && /^[./]/.test(value)) out.push(`${where}: "${value}" must not start with "." or "/"`);
  if (value.startsWith(' ')) out.push(`${where}: "${value}" must not start with a space`);
  if (value.includes('../') || value.endsWith('/..')) out.push(`${where}: "${value}" must not contain "../"`);
  return out;
}

function readApp(): Json {
  return readJson('app.json');
}

/** The main package and each subpackage, with page paths made relative to dist/weapp. */
function packagesOf(app: Json): Pkg[] {
  const subs = ((app.subPackages ?? app.subpackages ?? []) as Json[]).map((s) => {
    const root = `${String(s.root).replace(/\/+$/, '')}/`;
    return { name: root, root, independent: s.independent === true, pages: ((s.pages ?? []) as string[]).map((p) => root + p) };
  });
  return [{ name: 'main package', root: '', independent: false, pages: (app.pages ?? []) as string[] }, ...subs];
}
const subRoots = (pkgs: Pkg[]) => pkgs.filter((p) => p.root).map((p) => p.root);
const ownerOf = (file: string, pkgs: Pkg[]) => pkgs.find((p) => p.root && file.startsWith(p.root)) ?? pkgs[0];

/** The files WeChat has loaded while a package runs: the package's own, plus the main package's unless it is independent. */
function filesFor(pkg: Pkg, all: string[], pkgs: Pkg[]): string[] {
  const roots = subRoots(pkgs);
  const inMain = (f: string) => !roots.some((r) => f.startsWith(r));
  if (!pkg.root) return all.filter(inMain);
  return all.filter((f) => f.startsWith(pkg.root) || (!pkg.independent && inMain(f)));
}

// ---------------------------------------------------------------------------------------------
// wcc / wcsc
// ---------------------------------------------------------------------------------------------
let binDir = '';
const bin = { wcc: '', wcsc: '' };

interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: Error;
}
function run(exe: string, args: string[]): RunResult {
  // cwd is dist/weapp: the compilers resolve <import>, <wxs src> and @import against the paths they are given.
  const r = spawnSync(exe, args, { cwd: OUT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}
/** Error text for a failed run, or '' when it exited 0 and printed nothing on stderr (which is what a clean compile does). */
function failure(what: string, r: RunResult): string {
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
function compileWxml(files: string[]): { wxml: string[]; result: RunResult } {
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
function compileWxss(files: string[]): RunResult {
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
const DEAD_THIRD_PARTY_SELECTORS = [/→ "\.nut-[^"]*\.nut-image img"$/];

/** The warnings that wcsc puts into its output instead of printing them. */
function wcscWarnings(stdout: string): { file: string; message: string }[] {
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
function loadGwx(code: string, label: string) {
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

beforeAll(() => {
  if (!existsSync(join(OUT, 'app.json'))) throw new Error('Build first: npm run build:weapp (npm test does it).');
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

describe('WeChat compilers (wcc / wcsc from miniprogram-compiler)', () => {
  it('compiles every WXML file of each package with wcc, and renders each without a runtime warning', () => {
    const all = listFiles();
    const pkgs = packagesOf(readApp());
    const problems: string[] = [];
    let compiled = 0;
    for (const pkg of pkgs) {
      const files = filesFor(pkg, all, pkgs);
      const { wxml, result } = compileWxml(files);
      const failed = failure(`wcc (${pkg.name})`, result);
      if (failed) {
        problems.push(failed);
        continue;
      }
      compiled += wxml.length;
      const { render, logs } = loadGwx(result.stdout, pkg.name);
      // Render the package's own files. With no data, a <template is="{{...}}"> whose name is built
      // from data comes out as "...undefined..."; that says nothing about the build, so it is not
      // counted. A literal template name that is missing, or a missing <import>/<include>, is counted.
      for (const f of wxml.filter((w) => ownerOf(w, pkgs) === pkg)) {
        const r = render(f, {});
        if (!r.ok) problems.push(`${f}: ${r.error}`);
      }
      problems.push(...logs.filter((l) => !/Template `[^`]*undefined[^`]*` not found/.test(l)).map((l) => `${pkg.name}: ${l}`));
    }
    expect(problems).toEqual([]);
    expect(compiled).toBeGreaterThan(0);
  });

  it("renders every element template of Taro's base.wxml through the custom component and a page, warning-free", () => {
    // Taro draws every page through the templates in base.wxml ("tmpl_<depth>_<node type>"), picked at
    // run time by utils.wxs from the node tree in the page data ({ root: { cn: [...] } }); comp.wxml
    // does the same for one node ({ i: node }). Compiling alone never picks a template, so a missing
    // or broken one would only show on a phone. Render one node of each type found in base.wxml.
    const all = listFiles();
    const pkgs = packagesOf(readApp());
    const main = pkgs[0];
    const base = readFileSync(join(OUT, 'base.wxml'), 'utf8');
    // Node types from the templates of every depth, so a type that lost its depth-0 template still shows.
    const types = [...new Set([...base.matchAll(/<template name="tmpl_\d+_([0-9A-Za-z]+)"/g)].map((m) => m[1]))].filter((t) => t !== 'container');
    expect(types.length).toBeGreaterThan(5);
    const { result } = compileWxml(filesFor(main, all, pkgs));
    expect(failure('wcc (main package)', result)).toBe('');
    const { render, logs } = loadGwx(result.stdout, 'taro-templates');
    const node = (nn: string, i: number) => ({ nn, sid: `_n${i}`, v: 'text', cn: [] });
    const page = render(`${main.pages[0]}.wxml`, { root: { cn: types.map(node) } });
    expect(page.ok && page.tree.children?.length).toBeTruthy();
    for (const [i, nn] of types.entries()) {
      const r = render('comp.wxml', { i: node(nn, i) });
      expect(r.ok ? '' : `comp.wxml with node type ${nn}: ${r.error}`).toBe('');
    }
    expect(logs).toEqual([]);
  });

  it('compiles every WXSS file of each package with wcsc, with no selector or local-path warning', () => {
    const all = listFiles();
    const pkgs = packagesOf(readApp());
    const problems: string[] = [];
    let compiled = 0;
    for (const pkg of pkgs) {
      const files = filesFor(pkg, all, pkgs);
      const result = compileWxss(files);
      const failed = failure(`wcsc (${pkg.name})`, result);
      if (failed) {
        problems.push(failed);
        continue;
      }
      compiled += files.filter((f) => f.endsWith('.wxss')).length;
      // A main-package file shows up again in each subpackage's run: report it once, from its own package.
      for (const w of wcscWarnings(result.stdout)) {
        if (ownerOf(w.file, pkgs) === pkg && !DEAD_THIRD_PARTY_SELECTORS.some((re) => re.test(w.message))) problems.push(`${w.file}: ${w.message}`);
      }
    }
    // The selector warning is WeChat's component-style rule: components *and the pages that use
    // components* must not use tag, ID or attribute selectors
    // (https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/wxml-wxss.html).
    // WeChat scopes only class selectors to a component; the others cross component boundaries in
    // ways the doc leaves undefined. Every Taro page uses the "comp" custom component, and Taro draws
    // deep or special nodes inside it, so a page rule like ".x input" may miss nodes drawn inside comp,
    // or match nodes it shouldn't. wcsc reports only the first such selector of each file.
    expect(problems).toEqual([]);
    expect(compiled).toBeGreaterThan(0);
  });
});

describe('app.json and page json against what WeChat accepts', () => {
  it('uses only app.json keys that WeChat knows, with valid window values', () => {
    const app = readApp();
    const problems = unknownKeys(app, APP_KEYS).map((k) => `app.json: unknown key "${k}"`);
    if (!Array.isArray(app.pages) || app.pages.length === 0) problems.push('app.json: pages must list at least one page');
    if (app.subPackages !== undefined && app.subpackages !== undefined) problems.push('app.json: use subPackages or subpackages, not both');
    if (app.window !== undefined && !isObject(app.window)) problems.push('app.json: window must be an object');
    problems.push(...windowProblems(isObject(app.window) ? app.window : {}, 'app.json window', true));
    if (app.entryPagePath !== undefined && !packagesOf(app).some((p) => p.pages.includes(String(app.entryPagePath)))) {
      problems.push(`app.json: entryPagePath "${app.entryPagePath}" is not a listed page`);
    }
    // The doc marks sitemapLocation 必填, but the DevTools only check it when it is set (without it
    // every page may be indexed), and Taro writes none unless asked.
    if (app.sitemapLocation !== undefined && !isFile(String(app.sitemapLocation)))
      problems.push(`app.json: sitemapLocation "${app.sitemapLocation}" does not exist`);
    expect(problems).toEqual([]);
  });

  it('lists only pages whose .js, .wxml and .json exist, each in exactly one package under an existing root', () => {
    const app = readApp();
    const pkgs = packagesOf(app);
    const problems: string[] = [];
    const seenRoots = new Map<string, number>();
    const seen = new Set<string>();
    for (const [i, pkg] of pkgs.entries()) {
      if (pkg.root) {
        const where = `subPackages[${i - 1}]`;
        const raw = ((app.subPackages ?? app.subpackages) as Json[])[i - 1];
        problems.push(...unknownKeys(raw, SUBPACKAGE_KEYS).map((k) => `${where}: unknown key "${k}"`));
        problems.push(...pathProblems(raw.root, `${where}.root`));
        if (!isDir(pkg.root)) problems.push(`${where}.root: "${pkg.root}" is not a directory of dist/weapp`);
        if (seenRoots.has(pkg.root)) problems.push(`${where}.root: "${pkg.root}" repeats subPackages[${seenRoots.get(pkg.root)}]`);
        seenRoots.set(pkg.root, i - 1);
        for (const other of subRoots(pkgs))
          if (other !== pkg.root && pkg.root.startsWith(other)) problems.push(`${where}.root: "${pkg.root}" lies inside "${other}"`);
        if (!Array.isArray(raw.pages) || raw.pages.length === 0) problems.push(`${where}.pages: must list at least one page`);
      }
      for (const page of pkg.pages) {
        const where = `${pkg.name}: "${page}"`;
        problems.push(...pathProblems(pkg.root ? page.slice(pkg.root.length) : page, where));
        if (/\.(js|wxml|json|wxss)$/.test(page)) problems.push(`${where}: page paths have no extension`);
        if (seen.has(page)) problems.push(`${where}: listed twice`);
        seen.add(page);
        if (!pkg.root && subRoots(pkgs).some((r) => page.startsWith(r))) problems.push(`${where}: a main-package page inside a subpackage root`);
        // .js and .wxml are what the DevTools demand (checkPageExist); Taro always writes the .json, which
        // carries usingComponents. A .wxss is optional (Taro writes none for a page without styles).
        for (const ext of ['.js', '.wxml', '.json']) if (!isFile(page + ext)) problems.push(`${where}: ${page}${ext} is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the tabBar within WeChat limits: 2–5 main-package pages with local icons of at most 40 KB', () => {
    const app = readApp();
    if (app.tabBar === undefined) return;
    const tabBar = app.tabBar as Json;
    const problems: string[] = [...unknownKeys(tabBar, TABBAR_KEYS).map((k) => `tabBar: unknown key "${k}"`)];
    const list = Array.isArray(tabBar.list) ? (tabBar.list as Json[]) : [];
    // The doc: "list ... 最少 2 个、最多 5 个 tab". A custom tabBar only lifts the maximum (to 10 in
    // the DevTools), and this project has none.
    if (list.length < TABBAR_MIN || list.length > (tabBar.custom === true ? 10 : TABBAR_MAX))
      problems.push(`tabBar.list: ${list.length} items, WeChat allows ${TABBAR_MIN}–${TABBAR_MAX}`);
    for (const k of ['color', 'selectedColor', 'backgroundColor'] as const) {
      if (tabBar[k] !== undefined && !isHexColor(tabBar[k]) && !isThemeVar(tabBar[k])) problems.push(`tabBar.${k}: "${tabBar[k]}" is not a hex color`);
    }
    if (tabBar.borderStyle !== undefined && !['black', 'white'].includes(String(tabBar.borderStyle)) && !isThemeVar(tabBar.borderStyle))
      problems.push('tabBar.borderStyle: black or white');
    if (tabBar.position !== undefined && !['bottom', 'top'].includes(String(tabBar.position))) problems.push('tabBar.position: bottom or top');
    const mainPages = (app.pages ?? []) as string[];
    const paths = new Set<string>();
    for (const [i, item] of list.entries()) {
      const where = `tabBar.list[${i}]`;
      problems.push(...unknownKeys(item, TABBAR_ITEM_KEYS).map((k) => `${where}: unknown key "${k}"`));
      problems.push(...pathProblems(item.pagePath, `${where}.pagePath`));
      const pagePath = String(item.pagePath);
      if (/[?.]/.test(pagePath)) problems.push(`${where}.pagePath: "${pagePath}" must not contain "?" or "."`);
      // A tab page must be in the main package: tabs can't live in subpackages.
      if (!mainPages.includes(pagePath)) problems.push(`${where}.pagePath: "${pagePath}" is not in app.json pages (the main package)`);
      if (paths.has(pagePath)) problems.push(`${where}.pagePath: "${pagePath}" repeats an earlier tab`);
      paths.add(pagePath);
      if (tabBar.custom !== true && (typeof item.text !== 'string' || item.text === '')) problems.push(`${where}.text: required`);
      for (const key of ['iconPath', 'selectedIconPath'] as const) {
        const icon = item[key];
        if (icon === undefined) continue;
        // Tab icons must be files in the package: the doc says network images are not supported.
        if (typeof icon === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(icon)) {
          problems.push(`${where}.${key}: "${icon}" is a URL; tabBar icons must be local files`);
          continue;
        }
        const before = problems.length;
        problems.push(...pathProblems(icon, `${where}.${key}`, { allowLeadingDotOrSlash: true }));
        if (problems.length > before) continue;
        const rel = posix.normalize(String(icon).replace(/^\/+/, ''));
        const s = stat(rel);
        if (!s?.isFile()) problems.push(`${where}.${key}: "${icon}" does not exist in dist/weapp`);
        else if (s.size > TABBAR_ICON_MAX_BYTES) problems.push(`${where}.${key}: "${icon}" is ${s.size} bytes, over 40 KB`);
        if (!TABBAR_ICON_EXTS.includes(posix.extname(rel).toLowerCase())) problems.push(`${where}.${key}: "${icon}" must be .png, .jpg or .jpeg`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every page and component a json with known keys whose usingComponents resolve within the page's reach", () => {
    const app = readApp();
    const pkgs = packagesOf(app);
    const problems: string[] = [];
    // Start from the pages, then follow usingComponents to the components (and theirs).
    const queue = pkgs.flatMap((p) => p.pages);
    const done = new Set<string>();
    const appUsing = isObject(app.usingComponents) ? app.usingComponents : {};
    for (let n = 0; n < queue.length; n += 1) {
      const base = queue[n];
      if (done.has(base)) continue;
      done.add(base);
      const file = `${base}.json`;
      if (!isFile(file)) continue; // a page without json is reported by the page test
      let json: Json;
      try {
        json = readJson(file);
      } catch (e) {
        problems.push(`${file}: not valid JSON (${(e as Error).message})`);
        continue;
      }
      problems.push(...unknownKeys(json, PAGE_KEYS).map((k) => `${file}: unknown key "${k}"`));
      problems.push(...windowProblems(json, file, false));
      if (
        json.styleIsolation !== undefined &&
        !['isolated', 'apply-shared', 'shared', 'page-isolated', 'page-apply-shared', 'page-shared'].includes(String(json.styleIsolation))
      ) {
        problems.push(`${file}: styleIsolation "${json.styleIsolation}" is not one WeChat knows`);
      }
      const using = { ...appUsing, ...(isObject(json.usingComponents) ? json.usingComponents : {}) };
      const owner = ownerOf(base, pkgs);
      for (const [tag, target] of Object.entries(using)) {
        const where = `${file}: usingComponents["${tag}"] = "${target}"`;
        if (!/^[a-z][a-z0-9_-]*$/i.test(tag)) problems.push(`${where}: tag names are letters, digits, "-" and "_"`);
        if (typeof target !== 'string' || target === '') {
          problems.push(`${where}: must be a path`);
          continue;
        }
        if (/^plugin(-private)?:\/\//.test(target)) continue; // plugins come from WeChat, not from the package
        const resolved = resolveComponent(base, target);
        if (!resolved) {
          problems.push(`${where}: no component .json + .wxml + .js there (nor at ${target}/index)`);
          continue;
        }
        let compJson: Json = {};
        try {
          compJson = readJson(`${resolved}.json`);
        } catch {
          // reported when the component itself is checked
        }
        if (compJson.component !== true) problems.push(`${where}: ${resolved}.json does not declare "component": true`);
        // A component in a subpackage is usable only from that subpackage; a page of an independent
        // subpackage can't reach the main package.
        const compOwner = ownerOf(resolved, pkgs);
        if (compOwner !== owner && (compOwner.root !== '' || owner.independent))
          problems.push(`${where}: ${resolved} is in ${compOwner.name}, out of reach of ${owner.name}`);
        queue.push(resolved);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Window values the DevTools reject (enum and hex color checks in their schema and checkWindow). */
function windowProblems(win: Json, where: string, isAppWindow: boolean): string[] {
  const out: string[] = [];
  if (isAppWindow) out.push(...unknownKeys(win, WINDOW_KEYS).map((k) => `${where}: unknown key "${k}"`));
  const oneOf = (key: string, allowed: string[]) => {
    const v = win[key];
    if (v !== undefined && !allowed.includes(String(v)) && !isThemeVar(v)) out.push(`${where}.${key}: "${v}" is not one of ${allowed.join(', ')}`);
  };
  oneOf('navigationBarTextStyle', ['black', 'white']);
  oneOf('backgroundTextStyle', ['dark', 'light']);
  oneOf('navigationStyle', ['default', 'custom']);
  oneOf('pageOrientation', ['auto', 'portrait', 'landscape']);
  for (const key of ['navigationBarBackgroundColor', 'backgroundColor']) {
    const v = win[key];
    if (v !== undefined && !isHexColor(v) && !isThemeVar(v)) out.push(`${where}.${key}: "${v}" is not a hex color`);
  }
  if (win.navigationBarTitleText !== undefined && typeof win.navigationBarTitleText !== 'string') out.push(`${where}.navigationBarTitleText: must be a string`);
  return out;
}

/**
 * Where a usingComponents path leads, as the DevTools resolve it: "/x" from the package root,
 * "./x" or "../x" from the page's folder, and a bare "x" from the page's folder too (then
 * miniprogram_npm). "x" or "x/index" must have a .json and a .wxml (and a .js to register the
 * component). Returns the path without extension, relative to dist/weapp, or '' if nothing matches.
 */
function resolveComponent(fromBase: string, target: string): string {
  const dir = posix.dirname(fromBase);
  const candidates = target.startsWith('/') ? [target.slice(1)] : [posix.join(dir, target), posix.join('miniprogram_npm', target)];
  for (const c of candidates) {
    const p = posix.normalize(c);
    if (p.startsWith('..')) continue; // outside dist/weapp
    for (const q of [p, `${p}/index`]) if (isFile(`${q}.json`) && isFile(`${q}.wxml`) && isFile(`${q}.js`)) return q;
  }
  return '';
}
