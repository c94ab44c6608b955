/**
 * How a cloud function is bundled, shared by scripts/build-functions.ts (which writes the
 * default) and scripts/bench-functions.ts (which builds every way to compare them).
 *
 * The default bundles @cloudbase/node-sdk into the function, minified: one file to read and
 * compile instead of ~400 modules resolved one by one from node_modules, and the parts of the
 * SDK this project never calls are left out. `npm run bench:functions` shows the figures.
 */
import type { BuildOptions, Metafile, Plugin } from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

export type SdkMode = 'bundled' | 'external';

export interface BundleWay {
  /** @cloudbase/node-sdk inside the bundle, or installed by the cloud at deploy time. */
  sdk: SdkMode;
  /** Only the parts of zod the functions use: no locales, JSON-schema or compiler (zodStaticNamespace). */
  leanZod: boolean;
  /** Packages reached only by `await import()` built to a file of their own beside the bundle. */
  lazyChunks: boolean;
}

/** What `npm run build:functions` writes and what is deployed. */
export const DEFAULT_WAY: BundleWay = { sdk: 'bundled', leanZod: true, lazyChunks: true };
/** How functions were built before: SDK installed by the cloud, zod whole. */
export const PREVIOUS_WAY: BundleWay = { sdk: 'external', leanZod: false, lazyChunks: false };
/** The previous way with every other trim of the default: what bundling the SDK alone changes. */
export const TRIMMED_EXTERNAL_WAY: BundleWay = { ...DEFAULT_WAY, sdk: 'external' };

/** wx-server-sdk is never bundled: no function uses it today, and it would be installed if one did. */
const ALWAYS_EXTERNAL = ['wx-server-sdk'];
export const CLOUD_SDK = '@cloudbase/node-sdk';

/**
 * `import { z } from 'zod'` hands the project zod's whole namespace as one value, so a bundler
 * must keep everything it holds: 64 locales, JSON-schema conversion, the schema compiler —
 * about 450 KB, four fifths of which no function calls. Read as `import * as z from 'zod'`
 * (same names, same code), each `z.something` is a static reference and esbuild keeps only
 * what is used. The rewrite touches that one import line of the functions' own sources and
 * nothing else; a `z.name` zod does not export fails the build (import-is-undefined).
 */
const ZOD_NAMED_IMPORT = /^import \{ z \} from 'zod';$/m;
const zodStaticNamespace: Plugin = {
  name: 'zod-static-namespace',
  setup(b) {
    b.onLoad({ filter: /[\\/]cloudfunctions[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!ZOD_NAMED_IMPORT.test(source)) return undefined;
      return { contents: source.replace(ZOD_NAMED_IMPORT, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

/**
 * zod v4 re-exports every locale as `z.locales`; wherever zod is still taken as one value (an
 * import the rewrite above does not match) all 64 would come along, about half a bundle. The
 * project never shows zod's messages: core/shared/validation.ts
 * writes its own Chinese ones from the issue codes. English stays because zod installs it as
 * its default itself (classic/schemas.js imports locales/en.js directly); zh-CN stays so that
 * `z.config(z.locales.zhCN())` keeps working should anyone want zod's words.
 */
const zodLocales: Plugin = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.c?js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), args.path), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from './en.js';\nexport { default as zhCN } from './zh-CN.js';\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/** A module that fails, saying why, only if something reaches it at run time. */
const refusing = (what: string) =>
  `const no = () => { throw new Error(${JSON.stringify(`${what} is left out of this cloud function bundle (scripts/lib/function-bundle.ts)`)}); };`;

/**
 * Parts of @cloudbase/node-sdk the adapters (adapters/cloudbase) never call, replaced when the
 * SDK is bundled. Each is reached only through an API the project does not use, so leaving it
 * out changes nothing the functions do; what is kept — database, storage, WeChat open APIs,
 * the invocation context — goes through the SDK's own code unchanged.
 */
const SDK_STUBS: { importer: RegExp; path: RegExp; contents: string }[] = [
  // app.ai(): the AI client pulls in @cloudbase/ai, @cloudbase/app, its mini-program adapter
  // and a web-streams polyfill (~300 KB).
  {
    importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/,
    path: /^\.\/ai$/,
    contents: `${refusing('app.ai()')}\nexports.createAI = no;\n`,
  },
  // app.models / app.mysql() / app.rdb(): data models and SQL. init() builds their clients
  // inside try/catch, so a client that cannot be built just leaves them unset.
  {
    importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/,
    path: /^@cloudbase\/wx-cloud-client-sdk$/,
    contents: `${refusing('app.models / app.mysql()')}\nmodule.exports = { generateHTTPClient: no, generateMySQLClient: no };\n`,
  },
  // auth().createTicket(), for custom login, is the only user of jsonwebtoken.
  {
    importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]auth[\\/]index\.js$/,
    path: /^jsonwebtoken$/,
    contents: `${refusing('auth().createTicket()')}\nmodule.exports = { sign: no, verify: no, decode: no };\n`,
  },
  // collection.watch() / doc.watch(): realtime listeners over a websocket (and the lodash
  // helpers only they use). The functions read and write; nothing listens.
  {
    importer: /@cloudbase[\\/]database[\\/]dist[\\/]commonjs[\\/](document|query)\.js$/,
    path: /^\.\/realtime\/websocket-client$/,
    contents: `${refusing('watch()')}\nexports.RealtimeWebSocketClient = class { constructor() { no(); } };\n`,
  },
  // Storage parses COS's XML error answers with xml2js; building XML (xmlbuilder, ~70 KB) is
  // never done.
  {
    importer: /[\\/]node_modules[\\/]xml2js[\\/]lib[\\/]xml2js\.js$/,
    path: /^\.\/builder$/,
    contents: `${refusing('xml2js.Builder')}\nexports.Builder = class { constructor() { no(); } };\n`,
  },
  // form-data looks a content type up by file name only for parts that carry one (a file
  // stream); the SDK's form bodies are strings and buffers, so the 140 KB mime database is
  // never consulted. Without a name a part is application/octet-stream, as before.
  {
    importer: /[\\/]node_modules[\\/]form-data[\\/]/,
    path: /^mime-types$/,
    contents: `exports.lookup = () => false;\n`,
  },
];

/**
 * Stub rules (by index) that matched nothing in a bundle that does include the SDK: after an SDK
 * upgrade moves a file, a rule stops matching and the bundle silently grows back.
 */
export function unmatchedStubs(inputs: string[]): string[] {
  if (!inputs.some((f) => /@cloudbase[\\/]node-sdk[\\/]/.test(f))) return [];
  const used = new Set(inputs.filter((f) => f.startsWith('cloudbase-stub:')).map((f) => Number(f.slice(f.lastIndexOf('#') + 1))));
  return SDK_STUBS.map((s, i) => (used.has(i) ? null : `${s.path.source}（由 ${s.importer.source} 引入）`)).filter((x): x is string => x !== null);
}

const sdkVersion = (): string => (JSON.parse(readFileSync(join(root, 'node_modules', CLOUD_SDK, 'package.json'), 'utf8')) as { version: string }).version;

const cloudSdkTrim: Plugin = {
  name: 'cloudbase-sdk-trim',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const i = SDK_STUBS.findIndex((s) => s.path.test(args.path) && s.importer.test(args.importer));
      return i < 0 ? undefined : { path: `${args.path}#${i}`, namespace: 'cloudbase-stub' };
    });
    // @cloudbase/database uses bson only for EJSON (its 12 references are all bson.EJSON), but
    // bson's CommonJS build is one module that also loads the binary (de)serialiser. The same
    // release's ES module build lets esbuild keep EJSON and what it needs: ~40 KB less.
    b.onResolve({ filter: /^bson$/ }, (args) =>
      /@cloudbase[\\/]database[\\/]/.test(args.importer)
        ? { path: join(dirname(require.resolve('bson/package.json', { paths: [dirname(args.importer)] })), 'dist', 'bson.esm.js'), namespace: 'bson-ejson' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bson-ejson' }, (args) => ({
      contents: `export { EJSON } from ${JSON.stringify(args.path)};\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
    b.onLoad({ filter: /.*/, namespace: 'cloudbase-stub' }, (args) => ({
      contents: SDK_STUBS[Number(args.path.slice(args.path.lastIndexOf('#') + 1))].contents,
      loader: 'js',
    }));
    // The SDK reads its version from ../../package.json beside its own files, which a bundle
    // does not have; it sends the version with every request, so write it in.
    b.onLoad({ filter: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, () => ({
      contents: `exports.version = ${JSON.stringify(sdkVersion())};\n`,
      loader: 'js',
    }));
  },
};

/**
 * exceljs (with its zip libraries, ~1.2 MB) is loaded with `await import('exceljs')` on the first
 * spreadsheet a function writes or reads (core/sheets/read.ts). Inside the bundle it would still
 * be read and compiled on every cold start; in a file of its own (`exceljs.js` beside
 * index.js) it costs nothing until that first spreadsheet.
 */
export const LAZY_CHUNKS: Record<string, string> = {
  exceljs: './exceljs.js',
  // The PDF prints' libraries (core/print/sheet.ts), likewise loaded with the first PDF.
  'pdf-lib': './pdf-lib.js',
  fontkit: './fontkit.js',
  pngjs: './pngjs.js',
};

const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY_CHUNKS).join('|')})$`) }, (args) =>
      args.kind === 'dynamic-import' ? { path: LAZY_CHUNKS[args.path], external: true } : undefined,
    );
  },
};

/**
 * The PDF prints' font (cloudfunctions/core/print/fonts: noto-sans-sc.json, 1.5 MB, and its
 * licence OFL.txt) stays a file of its own, copied beside each bundle that makes PDFs: core/print/
 * font.ts requires it with the first PDF, so inside index.js it would only be read and parsed on
 * every cold start for nothing. The require keeps its relative path, `./fonts/…`, which names
 * the copy beside the bundle as it names the original beside font.ts.
 */
export const PRINT_FONTS = join(root, 'cloudfunctions', 'core', 'print', 'fonts');
const PRINT_FONT_IMPORT = /^\.\/fonts\/[\w.-]+\.json$/;

export const printFonts: Plugin = {
  name: 'print-fonts',
  setup(b) {
    b.onResolve({ filter: PRINT_FONT_IMPORT }, (args) => (resolve(args.resolveDir) === dirname(PRINT_FONTS) ? { path: args.path, external: true } : undefined));
  },
};

/** Copies the font folder beside a bundle whose output requires it; true when it did. */
export function copyPrintFonts(meta: Metafile, outDir: string): boolean {
  const wanted = Object.values(meta.outputs).some((o) => o.imports.some((i) => i.external && PRINT_FONT_IMPORT.test(i.path)));
  if (wanted) cpSync(PRINT_FONTS, join(outDir, 'fonts'), { recursive: true });
  return wanted;
}

/** esbuild options for one function's bundle, the way `way` says. */
export function functionBuildOptions(way: BundleWay): Pick<BuildOptions, 'external' | 'plugins' | 'minify' | 'legalComments' | 'logOverride'> {
  const plugins: Plugin[] = [printFonts];
  if (way.leanZod) plugins.push(zodStaticNamespace, zodLocales);
  if (way.sdk === 'bundled') plugins.push(cloudSdkTrim);
  if (way.lazyChunks) plugins.push(lazyChunks);
  return {
    external: way.sdk === 'bundled' ? ALWAYS_EXTERNAL : [...ALWAYS_EXTERNAL, CLOUD_SDK],
    plugins,
    minify: true,
    legalComments: 'none',
    // A property read off a namespace import that the module does not export is undefined at
    // run time; with the zod rewrite above that would be a schema that silently is not there.
    logOverride: { 'import-is-undefined': 'error' },
  };
}

/** Packages a function's package.json must list for the cloud to install (the ones left external). */
export const installable = (way: BundleWay): string[] => (way.sdk === 'bundled' ? ALWAYS_EXTERNAL : [...ALWAYS_EXTERNAL, CLOUD_SDK]);
