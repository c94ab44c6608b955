/**
 * What each cloud function's code can reach, read from the sources: the files esbuild would
 * bundle for it, and in those files the open APIs it can call (through which port), the
 * environment variables it reads and the kinds of subscribe message it can send.
 *
 * Read from the code rather than written down by hand, so that the deploy plan (plan.ts) and
 * config.json cannot drift from what the functions do. Nothing here touches the network or
 * writes a file: esbuild runs in memory with every package left external, which leaves exactly
 * the project's own files in the metafile.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '..', '..');
export const FUNCTIONS_DIR = 'cloudfunctions/functions';

/**
 * WeChat open APIs behind the ports. A use case that calls `ports.<port>.…` makes its function
 * need the API's permission in config.json; `path` is the endpoint the CloudBase adapter calls,
 * which the plan test checks so that a new open API in an adapter cannot go unlisted.
 */
export const OPEN_APIS = [
  { port: 'codeMaker', api: 'wxacode.getUnlimited', adapter: 'cloudfunctions/adapters/cloudbase/code-maker.ts', path: '/wxa/getwxacodeunlimit' },
  { port: 'notifier', api: 'subscribeMessage.send', adapter: 'cloudfunctions/adapters/cloudbase/notifier.ts', path: '/cgi-bin/message/subscribe/send' },
  { port: 'contentCheck', api: 'security.msgSecCheck', adapter: 'cloudfunctions/adapters/cloudbase/content-check.ts', path: '/wxa/msg_sec_check' },
  {
    port: 'phones',
    api: 'phonenumber.getPhoneNumber',
    adapter: 'cloudfunctions/adapters/cloudbase/phone-numbers.ts',
    path: '/wxa/business/getuserphonenumber',
  },
] as const;

export type OpenApiName = (typeof OPEN_APIS)[number]['api'];

export interface FunctionAnalysis {
  name: string;
  /** Project files in the bundle, relative to the repository root with forward slashes. */
  inputs: string[];
  /** Open API → the files whose code calls its port. */
  openapi: Partial<Record<OpenApiName, string[]>>;
  /** Variables read by name (`process.env.ID_HASH_KEY`). */
  envNames: string[];
  /** Variables read by a computed name (`process.env[\`SUBSCRIBE_TEMPLATE_${kind}\`]`): their prefixes. */
  envPrefixes: string[];
  /** Kinds of Notice the function's code can hand to the Notifier (`ticket.answered` …). */
  noticeKinds: string[];
  /** Whether the bundle parses spreadsheets in a worker thread (needs memory beyond the heap). */
  readsSheets: boolean;
}

/** Deployable functions: every folder under cloudfunctions/functions with an index.ts. */
export function functionNames(root = ROOT): string[] {
  const dir = join(root, FUNCTIONS_DIR);
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && existsSync(join(dir, n, 'index.ts')))
    .sort();
}

export interface Bundle {
  /** Project files with code in the bundle, relative to the repository root with forward slashes. */
  inputs: string[];
  /** The bundle's code, cut at esbuild's `// <file>` markers: what each file contributes. */
  chunks: { file: string; code: string }[];
}

/**
 * One function's bundle, unminified so that esbuild marks where each file's code begins. Tree
 * shaking is what makes this precise: a use case the function never reaches is not in its
 * bundle, so its port calls do not count (identity imports a helper from messages/follow.ts
 * but never the code there that sends messages).
 */
export async function bundleOf(name: string, root = ROOT): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(root, FUNCTIONS_DIR, name, 'index.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    // Packages stay out: what they read (NODE_ENV, the SDK's own TCB_* variables) is the
    // platform's business, not the deployer's.
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.outputs)
    .flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([f]) => f.replace(/\\/g, '/')),
    )
    .filter((f) => !f.includes('node_modules/'));
  const text = result.outputFiles[0].text;
  const chunks: { file: string; code: string }[] = [];
  const marker = /^\/\/ ([^\s]+\.[cm]?[jt]sx?)$/gm;
  let last: { file: string; start: number } | null = null;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (last) chunks.push({ file: last.file, code: text.slice(last.start, m.index) });
    last = { file: m[1], start: m.index + m[0].length };
  }
  if (last) chunks.push({ file: last.file, code: text.slice(last.start) });
  return { inputs: [...new Set(inputs)].sort(), chunks };
}

/**
 * Code that only builds or declares ports for every function (the CloudBase adapters create all
 * of them in main.ts) says nothing about which ones a function uses: only callers count.
 */
const declaresPorts = (file: string) => file.startsWith('cloudfunctions/adapters/') || file.startsWith('cloudfunctions/ports/');

/** A kind looks like `ticket.answered`: dotted lower-case words. */
const KIND = /^[a-z][a-z0-9]*(?:\.[a-z][a-z0-9_]*)+$/;

function literalText(node: ts.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

const isProcessEnv = (node: ts.Node): boolean =>
  ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process' && node.name.text === 'env';

/** The property a destructuring element takes: `{ notifier }` or `{ notifier: n }`. */
const bindingKey = (el: ts.BindingElement): string =>
  el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : '';

export interface FileFacts {
  ports: string[];
  envNames: string[];
  envPrefixes: string[];
  noticeKinds: string[];
}

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

/**
 * Helpers that take a `kind` (e.g. matters' tellElectors), by name → position of `kind`. A literal
 * passed in that position is a notice kind too. Collected over the whole bundle: the helper is
 * declared in one file (notices.ts) and called from others (opening.ts, timer.ts).
 */
export function kindHelpersOf(sources: { file: string; text: string }[]): Map<string, number> {
  const kindParam = new Map<string, number>();
  const noteParams = (name: string | undefined, params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const i = params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'kind');
    if (name && i >= 0) kindParam.set(name, i);
  };
  const collect = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node)) noteParams(node.name?.text, node.parameters);
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    ) {
      noteParams(node.name.text, node.initializer.parameters);
    }
    ts.forEachChild(node, collect);
  };
  for (const { file, text } of sources) collect(parse(file, text));
  return kindParam;
}

/** What one source file does with ports, process.env and notices, from its syntax tree. */
export function scanSource(file: string, text: string, kindParam: Map<string, number> = kindHelpersOf([{ file, text }])): FileFacts {
  const sf = parse(file, text);
  const portNames = new Set<string>(OPEN_APIS.map((o) => o.port));
  const ports = new Set<string>();
  const envNames = new Set<string>();
  const envPrefixes = new Set<string>();
  const kinds = new Set<string>();

  const visit = (node: ts.Node): void => {
    // ports.codeMaker.png(…), ports.phones?.numberOf(…)
    if (ts.isPropertyAccessExpression(node) && ts.isPropertyAccessExpression(node.expression) && portNames.has(node.expression.name.text)) {
      ports.add(node.expression.name.text);
    }
    // const { notifier } = ports
    if (ts.isBindingElement(node) && portNames.has(bindingKey(node))) ports.add(bindingKey(node));
    // process.env.NAME
    if (ts.isPropertyAccessExpression(node) && isProcessEnv(node.expression)) envNames.add(node.name.text);
    // process.env['NAME'], process.env[`PREFIX_${x}`]
    if (ts.isElementAccessExpression(node) && isProcessEnv(node.expression)) {
      const arg = node.argumentExpression;
      const whole = literalText(arg);
      if (whole !== null) envNames.add(whole);
      else if (ts.isTemplateExpression(arg)) envPrefixes.add(arg.head.text);
      else envPrefixes.add('');
    }
    // const { NAME } = process.env
    if (ts.isVariableDeclaration(node) && node.initializer && isProcessEnv(node.initializer) && ts.isObjectBindingPattern(node.name)) {
      for (const el of node.name.elements) if (bindingKey(el)) envNames.add(bindingKey(el));
    }
    // A Notice written out: { kind: 'ticket.due', fields, … }
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : ''));
      if (names.includes('fields')) {
        for (const p of node.properties) {
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'kind') {
            const k = literalText(p.initializer);
            if (k && KIND.test(k)) kinds.add(k);
          }
        }
      }
    }
    // tellElectors(…, 'vote.opened', …)
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && kindParam.has(node.expression.text)) {
      const k = literalText(node.arguments[kindParam.get(node.expression.text) as number]);
      if (k && KIND.test(k)) kinds.add(k);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { ports: [...ports].sort(), envNames: [...envNames].sort(), envPrefixes: [...envPrefixes].sort(), noticeKinds: [...kinds].sort() };
}

/** One function's facts: its bundle's files, and what their code in the bundle does. */
export async function analyseFunction(name: string, root = ROOT): Promise<FunctionAnalysis> {
  const { inputs, chunks } = await bundleOf(name, root);
  const openapi: Partial<Record<OpenApiName, string[]>> = {};
  const envNames = new Set<string>();
  const envPrefixes = new Set<string>();
  const noticeKinds = new Set<string>();
  const kindParam = kindHelpersOf(chunks.map(({ file, code }) => ({ file: `${file}.js`, text: code })));
  for (const { file, code } of chunks) {
    const facts = scanSource(`${file}.js`, code, kindParam);
    for (const n of facts.envNames) envNames.add(n);
    for (const p of facts.envPrefixes) envPrefixes.add(p);
    for (const k of facts.noticeKinds) noticeKinds.add(k);
    if (declaresPorts(file)) continue;
    for (const o of OPEN_APIS) {
      if (!facts.ports.includes(o.port)) continue;
      const files = openapi[o.api] ?? [];
      openapi[o.api] = files;
      if (!files.includes(file)) files.push(file);
    }
  }
  return {
    name,
    inputs,
    openapi,
    envNames: [...envNames].sort(),
    envPrefixes: [...envPrefixes].sort(),
    noticeKinds: [...noticeKinds].sort(),
    readsSheets: inputs.includes('cloudfunctions/core/sheets/isolate.ts'),
  };
}

export async function analyseFunctions(root = ROOT): Promise<FunctionAnalysis[]> {
  return Promise.all(functionNames(root).map((n) => analyseFunction(n, root)));
}

/** cloudbaserc.json, the file `tcb fn deploy` reads too: runtime, timeout, memory per function. */
export interface RcFunction {
  name: string;
  timeout: number;
  runtime: string;
  handler?: string;
  memorySize?: number;
  installDependency?: boolean;
  triggers?: { name: string; type: string; config: string }[];
}

/** A function's config.json: the open-API permissions WeChat DevTools registers, and its timers. */
export interface FunctionConfigJson {
  permissions?: { openapi?: string[] };
  triggers?: { name: string; type: string; config: string }[];
}

export interface DeployFiles {
  rc: { functions: RcFunction[] };
  configs: Record<string, FunctionConfigJson | null>;
}

export function readDeployFiles(root = ROOT): DeployFiles {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] };
  const configs: Record<string, FunctionConfigJson | null> = {};
  for (const name of functionNames(root)) {
    const p = join(root, FUNCTIONS_DIR, name, 'config.json');
    configs[name] = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as FunctionConfigJson) : null;
  }
  return { rc, configs };
}
