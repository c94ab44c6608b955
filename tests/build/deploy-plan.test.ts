/**
 * The deploy plan against the code: what `npm run deploy` would set up must be what the
 * functions need. The expectations here are found independently of scripts/deploy/analyse.ts —
 * plain greps over each function's bundle, the raw JSON files, a directory listing — so a
 * mistake in the analysis shows as a disagreement. Nothing here needs a build or the network.
 *
 * The subscribe templates, the `npm run deploy` command and the executor have their own files
 * (deploy-subscribe, deploy-command, deploy-executor); the shared setup is in deploy/fixture.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { C, INDEXES } from '../../cloudfunctions/core/collections';
import { parseIncomingPath } from '../../cloudfunctions/core/attachments/incoming';
import { SHEET_LIMITS } from '../../cloudfunctions/core/sheets/limits';
import { OPEN_APIS, readDeployFiles, type FunctionAnalysis } from '../../scripts/deploy/analyse';
import { formatPlan, makePlan, noticeEnvSuffix, type DeployPlan, STORAGE_RULE } from '../../scripts/deploy/plan';
import { AUDIT_SIGNING_KEY, code, deployable, FN_DIR, functionIn, ID_HASH_KEY, loadChunks, loadPlan, PORT_CALL, rc, ROOT } from './deploy/fixture';

let analyses: FunctionAnalysis[];
let plan: DeployPlan;
let env: Record<string, string>;
let chunks: Record<string, { file: string; code: string }[]>;

beforeAll(async () => {
  ({ analyses, plan, env } = await loadPlan());
  chunks = await loadChunks();
}, 60_000);

const fn = (name: string) => functionIn(plan, name);

it('has nothing that would stop a deploy', () => {
  expect(plan.problems).toEqual([]);
});

it('creates every collection in C, admin-only, with the indexes INDEXES gives it', () => {
  expect(plan.collections.map((c) => c.name).sort()).toEqual(Object.values(C).sort());
  for (const c of plan.collections) {
    expect({ name: c.name, acl: c.acl }).toEqual({ name: c.name, acl: 'ADMINONLY' });
    expect({ name: c.name, indexes: c.indexes.map((i) => i.fields) }).toEqual({ name: c.name, indexes: INDEXES[c.name] ?? [] });
  }
  for (const c of Object.keys(INDEXES)) expect(Object.values(C)).toContain(c);
});

it('needs no unique index: each "one per person" collection is written only with a chosen _id', () => {
  expect(plan.collections.flatMap((c) => c.indexes.filter((i) => i.unique))).toEqual([]);
  // An add() without _id would get a random id, and a second vote or rating would go in.
  const onePer = new Set(['voteMarks', 'ballots', 'bindings', 'cosigns', 'ratings', 'ticketSeconds', 'ticketAskers']);
  const adds: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
  for (const file of walk(join(ROOT, 'cloudfunctions', 'core'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'add') {
        const [target, doc] = node.arguments;
        if (
          target &&
          ts.isPropertyAccessExpression(target) &&
          ts.isIdentifier(target.expression) &&
          target.expression.text === 'C' &&
          onePer.has(target.name.text)
        ) {
          const hasId = !!doc && ts.isObjectLiteralExpression(doc) && doc.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === '_id');
          adds.push(`${target.name.text}:${hasId}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  expect(adds.length).toBeGreaterThan(0);
  expect(adds.filter((a) => a.endsWith(':false'))).toEqual([]);
});

it('deploys every function under cloudfunctions/functions with the cloudbaserc.json timeout', () => {
  expect(plan.functions.map((f) => f.name)).toEqual(deployable);
  for (const name of deployable) {
    const entry = rc.functions.find((f) => f.name === name);
    expect({ name, timeout: fn(name).timeout }).toEqual({ name, timeout: entry?.timeout });
    expect(fn(name).runtime).toMatch(/^Nodejs\d+/);
    expect(fn(name).handler).toBe('index.main');
  }
});

it('gives a function that reads spreadsheets room for the parsing worker', () => {
  const readers = analyses.filter((a) => a.readsSheets).map((a) => a.name);
  expect(readers.length).toBeGreaterThan(0);
  for (const name of readers) expect(fn(name).memorySize).toBeGreaterThanOrEqual(SHEET_LIMITS.memoryMb + 128);
});

it('puts every open API a function can call in its plan and in its config.json, and no other', () => {
  for (const name of deployable) {
    const calls = Object.entries(PORT_CALL)
      .filter(([, re]) => chunks[name].some((c) => c.file.startsWith('cloudfunctions/core/') && re.test(code(c.code))))
      .map(([api]) => api)
      .sort();
    const config = JSON.parse(readFileSync(join(FN_DIR, name, 'config.json'), 'utf8')) as { permissions?: { openapi?: string[] } };
    expect({
      name,
      plan: fn(name)
        .openapi.map((o) => o.api)
        .sort(),
    }).toEqual({ name, plan: calls });
    expect({ name, config: [...(config.permissions?.openapi ?? [])].sort() }).toEqual({ name, config: calls });
  }
  // The village makes mini-program codes; WeChat refuses an undeclared call (-604101).
  expect(fn('village').openapi.map((o) => o.api)).toContain('wxacode.getUnlimited');
});

it('knows every WeChat open API the CloudBase adapters call', () => {
  const dir = join(ROOT, 'cloudfunctions', 'adapters', 'cloudbase');
  const called = readdirSync(dir).flatMap((n) => [...readFileSync(join(dir, n), 'utf8').matchAll(/apiName:\s*'([^']+)'/g)].map((m) => m[1]));
  expect(called.length).toBeGreaterThan(0);
  for (const path of called) expect(OPEN_APIS.map((o) => o.path)).toContain(path);
  for (const o of OPEN_APIS) expect(readFileSync(join(ROOT, o.adapter), 'utf8')).toContain(o.path);
});

it('sets every environment variable a function reads on that function', () => {
  for (const name of deployable) {
    const text = chunks[name]
      .filter((c) => !c.file.includes('node_modules'))
      .map((c) => code(c.code))
      .join('\n');
    const named = [...new Set([...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))];
    const prefixes = [...new Set([...text.matchAll(/process\.env\[`([A-Z0-9_]+)\$\{/g)].map((m) => m[1]))];
    const set = Object.keys(fn(name).env);
    // The keys are read by every function's ports (adapters/cloudbase/main.ts).
    expect({ name, keys: named.filter((n) => !set.includes(n)) }).toEqual({ name, keys: [] });
    expect(named).toEqual(expect.arrayContaining(['ID_HASH_KEY', 'AUDIT_SIGNING_KEY']));
    for (const prefix of prefixes) {
      // A computed name: the Notifier's per-kind template and fields. Every kind this function's
      // code hands the Notifier must have its variables set here when the deployer sets them.
      const written = [...new Set([...text.matchAll(/kind:\s*'([a-z]+\.[a-z_]+)'/g)].map((m) => m[1]))];
      expect({ name, unknown: written.filter((k) => !fn(name).notices.some((n) => n.kind === k)) }).toEqual({ name, unknown: [] });
      for (const { kind } of fn(name).notices) {
        expect(fn(name).env[`${prefix}${noticeEnvSuffix(kind)}`]).toBe(env[`${prefix}${noticeEnvSuffix(kind)}`]);
      }
    }
  }
  // A function that sends no notices gets no notice variables.
  for (const f of plan.functions.filter((x) => x.notices.length === 0)) expect(Object.keys(f.env).sort()).toEqual(['AUDIT_SIGNING_KEY', 'ID_HASH_KEY']);
});

it('finds the notice kinds each sending function sends, and the deploy guide names their variables', () => {
  // docs/deploy.md is where a deployer reads which SUBSCRIBE_TEMPLATE_<KIND> variables to set.
  const guide = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
  for (const f of plan.functions) {
    const sends = f.openapi.some((o) => o.api === 'subscribeMessage.send');
    expect({ name: f.name, hasKinds: f.notices.length > 0 }).toEqual({ name: f.name, hasKinds: sends });
  }
  const variables = [...new Set(plan.functions.flatMap((f) => f.notices.map((n) => `SUBSCRIBE_TEMPLATE_${noticeEnvSuffix(n.kind)}`)))];
  expect(variables.filter((v) => !guide.includes(v))).toEqual([]);
  expect(fn('tickets').notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['ticket.answered', 'ticket.assigned']));
});

it('gives the scheduler its hourly timer, the same in config.json and cloudbaserc.json', () => {
  const [t] = fn('scheduler').triggers;
  expect(t).toMatchObject({ type: 'timer', config: '0 0 * * * * *' });
  expect(t.config.split(' ')).toHaveLength(7);
  expect(rc.functions.find((f) => f.name === 'scheduler')?.triggers).toEqual([expect.objectContaining({ type: 'timer', config: t.config })]);
  for (const f of plan.functions.filter((x) => x.name !== 'scheduler')) expect(f.triggers).toEqual([]);
});

it('refuses a plan whose config.json or notice variables disagree with the code', () => {
  const files = readDeployFiles(ROOT);
  files.configs.village = { permissions: { openapi: [] } };
  const bad = makePlan({
    envId: null,
    functions: analyses,
    files,
    collections: C,
    indexes: INDEXES,
    env: { ID_HASH_KEY, AUDIT_SIGNING_KEY, SUBSCRIBE_TEMPLATE_TICKET_ANSWERD: 'x' },
  });
  expect(bad.problems.join('\n')).toMatch(/village\/config\.json/);
  expect(bad.problems.join('\n')).toMatch(/SUBSCRIBE_TEMPLATE_TICKET_ANSWERD/);
  const unknownVar = analyses.map((a) => (a.name === 'roster' ? { ...a, envNames: [...a.envNames, 'SECRET_SAUCE'] } : a));
  expect(
    makePlan({
      envId: null,
      functions: unknownVar,
      files: readDeployFiles(ROOT),
      collections: C,
      indexes: INDEXES,
      env: { ID_HASH_KEY, AUDIT_SIGNING_KEY },
    }).problems.join('\n'),
  ).toMatch(/SECRET_SAUCE/);
});

it('never prints a secret', () => {
  const text = formatPlan(plan);
  expect(text).not.toContain(ID_HASH_KEY);
  expect(text).not.toContain(AUDIT_SIGNING_KEY.split('\n')[1]);
  expect(text).toContain(plan.auditPublicKey as string);
});

it('lets a phone write to storage exactly where the functions take uploads from, and read nothing', () => {
  expect(STORAGE_RULE.read).toBe(false);
  // The rule holds a regular expression literal; read it as the rule engine would.
  const literal = /\/(\^.*\$)\/\.test\(resource\.path\) == true$/.exec(STORAGE_RULE.write)?.[1];
  expect(literal).toBeDefined();
  const rule = new RegExp(literal as string);
  const paths = [
    'incoming/yangjia/photo/mk3b2x9q0a1b2c3d4e5f6g7h.jpg',
    'incoming/yangjia/roster/abcdefgh.csv',
    'incoming/da-jiang_2/attachment/abcdefgh12.pdf',
    'incoming/yangjia/ledger/abcdefgh.xlsx',
    'incoming/yangjia/photo/short.jpg',
    'incoming/yangjia/secrets/abcdefgh.jpg',
    'incoming/yangjia/photo/abcdefgh.exe',
    'disclosure/yangjia/abcdefgh.png',
    'incoming/../disclosure/yangjia/abcdefgh.png',
    'incoming/yangjia/photo/../../x/abcdefgh.jpg',
  ];
  for (const p of paths) expect([p, rule.test(p)]).toEqual([p, parseIncomingPath(p) !== null]);
  expect(paths.filter((p) => rule.test(p))).toHaveLength(4);
});
