/**
 * The deploy plan against the code: what `npm run deploy` would set up must be what the
 * functions need. The expectations here are found independently of scripts/deploy/analyse.ts —
 * plain greps over each function's bundle, the raw JSON files, a directory listing — so a
 * mistake in the analysis shows as a disagreement. Nothing here needs a build or the network.
 */
import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import type CloudBase from '@cloudbase/manager-node';
import { C, INDEXES } from '../../cloudfunctions/core/collections';
import { parseIncomingPath } from '../../cloudfunctions/core/attachments/incoming';
import { SHEET_LIMITS } from '../../cloudfunctions/core/sheets/limits';
import { analyseFunctions, OPEN_APIS, readDeployFiles, type FunctionAnalysis } from '../../scripts/deploy/analyse';
import { applyPlan, checkPlan, keyConflicts } from '../../scripts/deploy/apply';
import { formatPlan, makePlan, noticeEnvSuffix, type DeployPlan, STORAGE_RULE } from '../../scripts/deploy/plan';
import { clientTemplates, fieldsText, NOTICE_TEMPLATES, templateOf } from '../../config/subscribe';

const ROOT = resolve(__dirname, '..', '..');
const FN_DIR = join(ROOT, 'cloudfunctions', 'functions');
const ID_HASH_KEY = `${'f'.repeat(24)}0123456789abcdef0123456789abcdef0123456789`;
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** Each function's bundle cut at esbuild's `// <file>` markers (what it really reaches after tree shaking). */
async function chunksOf(name: string): Promise<{ file: string; code: string }[]> {
  const r = await build({
    entryPoints: [join(FN_DIR, name, 'index.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0].text
    .split(/^\/\/ (?=\S+\.ts$)/m)
    .slice(1)
    .map((part) => ({ file: part.slice(0, part.indexOf('\n')), code: part.slice(part.indexOf('\n')) }));
}

/** Comments removed, so that a variable mentioned in prose is not taken for one read. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const PORT_CALL: Record<string, RegExp> = {
  'wxacode.getUnlimited': /\.codeMaker\??\.\w+\(/,
  'subscribeMessage.send': /\.notifier\??\.send\(/,
  'security.msgSecCheck': /\.contentCheck\??\.\w+\(/,
  'phonenumber.getPhoneNumber': /\.phones\??\.\w+\(/,
};

const deployable = readdirSync(FN_DIR)
  .filter((n) => statSync(join(FN_DIR, n)).isDirectory() && existsSync(join(FN_DIR, n, 'index.ts')))
  .sort();
const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functions: { name: string; timeout: number; memorySize?: number; triggers?: { type: string; config: string }[] }[];
};

let analyses: FunctionAnalysis[];
let chunks: Record<string, { file: string; code: string }[]>;
let plan: DeployPlan;
let env: Record<string, string>;

beforeAll(async () => {
  analyses = await analyseFunctions(ROOT);
  chunks = Object.fromEntries(await Promise.all(deployable.map(async (n) => [n, await chunksOf(n)] as const)));
  // Every optional notice variable set, so that "set for it" can be checked for each one.
  env = { ID_HASH_KEY, AUDIT_SIGNING_KEY };
  for (const k of new Set(analyses.flatMap((a) => a.noticeKinds))) {
    env[`SUBSCRIBE_TEMPLATE_${noticeEnvSuffix(k)}`] = `tmpl-${k}`;
    env[`SUBSCRIBE_FIELDS_${noticeEnvSuffix(k)}`] = 'title=thing1,village=thing2,date=date3';
  }
  plan = makePlan({ envId: 'test-env', functions: analyses, files: readDeployFiles(ROOT), collections: C, indexes: INDEXES, env });
}, 60_000);

const fn = (name: string) => {
  const f = plan.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name} in the plan`);
  return f;
};

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

describe('subscribe templates, from config/subscribe.ts', () => {
  const planWith = (extra: Record<string, string>, templates = NOTICE_TEMPLATES) =>
    makePlan({
      envId: null,
      functions: analyses,
      files: readDeployFiles(ROOT),
      collections: C,
      indexes: INDEXES,
      env: { ID_HASH_KEY, AUDIT_SIGNING_KEY, ...extra },
      templates,
    });

  it('lists every kind the functions send, once, with who receives it and which functions send it', () => {
    const sent = [...new Set(analyses.flatMap((a) => a.noticeKinds))].sort();
    expect(plan.templates.map((t) => t.kind).sort()).toEqual(sent);
    expect(NOTICE_TEMPLATES.map((t) => t.kind).sort()).toEqual(sent);
    for (const t of plan.templates) {
      expect({ kind: t.kind, id: t.id }).toEqual({ kind: t.kind, id: `tmpl-${t.kind}` });
      expect(t.functions.length).toBeGreaterThan(0);
      for (const name of t.functions) expect(fn(name).env[t.envVar]).toBe(`tmpl-${t.kind}`);
    }
    // The three that wait on a cadre, each sent where its event happens.
    const by = (kind: string) => plan.templates.find((t) => t.kind === kind);
    expect(by('ledger.queried')).toMatchObject({ functions: ['finance'], roles: ['accountant'] });
    expect(by('disclosure.returned')).toMatchObject({ functions: ['disclosure'], roles: expect.arrayContaining(['secretary']) });
    expect(by('matter.proposed')).toMatchObject({ functions: ['matters'], roles: expect.arrayContaining(['secretary', 'director']) });
    expect(formatPlan(plan)).toContain('SUBSCRIBE_TEMPLATE_LEDGER_QUERIED = tmpl-ledger.queried');
  });

  it('needs only the template id: the fields come from config/subscribe.ts, and the mini-program build gets the same id', () => {
    const p = planWith({ SUBSCRIBE_TEMPLATE_LEDGER_QUERIED: 'abc' });
    // Nothing beyond what the full plan reports (which the first test holds at none).
    expect(p.problems).toEqual(plan.problems);
    const finance = p.functions.find((f) => f.name === 'finance');
    expect(finance?.env).toMatchObject({
      SUBSCRIBE_TEMPLATE_LEDGER_QUERIED: 'abc',
      SUBSCRIBE_FIELDS_LEDGER_QUERIED: fieldsText(templateOf('ledger.queried')!.fields),
    });
    expect(
      p.functions
        .filter((f) => f.name !== 'finance')
        .flatMap((f) => Object.keys(f.env))
        .filter((k) => k.startsWith('SUBSCRIBE_')),
    ).toEqual([]);
    expect(clientTemplates({ SUBSCRIBE_TEMPLATE_LEDGER_QUERIED: 'abc' }).card).toEqual([
      { kind: 'ledger.queried', id: 'abc', label: '账目被质询', roles: ['accountant'] },
    ]);
  });

  it('still takes the older build variables, and refuses two different templates for one notice', () => {
    const old = { TARO_APP_SUBSCRIBE_TEMPLATE_TICKET: 'old-ticket', TARO_APP_SUBSCRIBE_TEMPLATE_DISCLOSURE: 'old-disclosure' };
    const p = planWith(old);
    expect(p.problems).toEqual(plan.problems);
    expect(p.functions.find((f) => f.name === 'tickets')?.env.SUBSCRIBE_TEMPLATE_TICKET_ANSWERED).toBe('old-ticket');
    expect(p.functions.find((f) => f.name === 'disclosure')?.env.SUBSCRIBE_TEMPLATE_DISCLOSURE_PUBLISHED).toBe('old-disclosure');
    expect(clientTemplates(old)).toMatchObject({ ticket: 'old-ticket', disclosure: 'old-disclosure', card: [] });
    expect(planWith({ ...old, SUBSCRIBE_TEMPLATE_TICKET_ANSWERED: 'new-ticket' }).problems.join('\n')).toMatch(
      /SUBSCRIBE_TEMPLATE_TICKET_ANSWERED 和 TARO_APP_SUBSCRIBE_TEMPLATE_TICKET/,
    );
  });

  it('refuses a kind the code sends but config/subscribe.ts lacks, and one it lists that nothing sends', () => {
    const edited = [...NOTICE_TEMPLATES.filter((t) => t.kind !== 'ledger.queried'), { ...NOTICE_TEMPLATES[0], kind: 'ledger.queired' }];
    const problems = planWith({}, edited).problems.join('\n');
    expect(problems).toMatch(/“ledger\.queried”通知，config\/subscribe\.ts 里没有它/);
    expect(problems).toMatch(/“ledger\.queired”没有云函数发送/);
  });
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

describe('npm run deploy', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (args: string[], extra: Record<string, string | undefined>) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, ...extra };
    for (const k of Object.keys(childEnv)) if (k.startsWith('TENCENTCLOUD_') || k.startsWith('SUBSCRIBE_') || childEnv[k] === undefined) delete childEnv[k];
    return spawnSync(tsx, ['scripts/deploy.ts', ...args], { cwd: ROOT, env: childEnv as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  };

  it('prints the whole plan with --dry-run, without credentials, and exits 0', () => {
    const r = run(['--dry-run'], { ID_HASH_KEY, AUDIT_SIGNING_KEY });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const name of deployable) expect(r.stdout).toContain(`  ${name}  `);
    for (const c of Object.values(C)) expect(r.stdout).toContain(`  ${c}`);
    expect(r.stdout).toContain('仅管理端可读写');
    expect(r.stdout).toContain('wxacode.getUnlimited');
    expect(r.stdout).not.toContain(ID_HASH_KEY);
    expect(r.stdout).toContain('没有连接云开发');
  });

  it('refuses without ID_HASH_KEY and says how to make one', () => {
    const r = run(['--dry-run'], { ID_HASH_KEY: undefined, AUDIT_SIGNING_KEY });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('缺少 ID_HASH_KEY');
    expect(r.stderr).toContain('openssl rand -hex 32');
    expect(r.stderr).toContain('openssl genpkey -algorithm ed25519');
  });

  it('refuses to deploy without Tencent Cloud API keys', () => {
    const r = run(['--env', 'test-env'], { ID_HASH_KEY, AUDIT_SIGNING_KEY });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('TENCENTCLOUD_SECRETID');
  });
});

/**
 * The executor against an in-memory stand-in for manager-node with the behaviour that matters:
 * getFunctionDetail fails with ResourceNotFound for a missing function, creating a trigger that
 * exists fails (as BatchCreateTrigger does), configuration replaces environment variables whole.
 */
class FakeManager {
  colls = new Map<string, { acl: string; indexes: { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[] }>();
  fns = new Map<
    string,
    {
      Runtime: string;
      Handler: string;
      Timeout: number;
      MemorySize: number;
      Environment: { Variables: { Key: string; Value: string }[] };
      Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[];
      uploads: number;
    }
  >();
  storageAcl: { acl: string; rule?: unknown } = { acl: 'PRIVATE' };

  private variables = (env: Record<string, string>) => Object.entries(env).map(([Key, Value]) => ({ Key, Value }));

  database = {
    createCollectionIfNotExists: async (name: string) => {
      const IsCreated = !this.colls.has(name);
      if (IsCreated) this.colls.set(name, { acl: 'PRIVATE', indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }] });
      return { IsCreated };
    },
    checkCollectionExists: async (name: string) => ({ Exists: this.colls.has(name) }),
    describeCollection: async (name: string) => ({ Indexes: this.colls.get(name)?.indexes ?? [] }),
    updateCollection: async (
      name: string,
      info: { CreateIndexes: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[] },
    ) => {
      const c = this.colls.get(name);
      if (!c) throw new Error('no collection');
      for (const i of info.CreateIndexes) {
        if (c.indexes.some((x) => x.Name === i.IndexName)) throw new Error(`index ${i.IndexName} exists`);
        c.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
      }
    },
  };

  functions = {
    getFunctionDetail: async (name: string) => {
      const f = this.fns.get(name);
      if (!f) throw Object.assign(new Error('function not found'), { code: 'ResourceNotFound.Function' });
      return JSON.parse(JSON.stringify(f));
    },
    createFunction: async ({
      func,
    }: {
      func: { name: string; runtime: string; handler: string; timeout: number; memorySize: number; envVariables: Record<string, string> };
    }) => {
      if (this.fns.has(func.name)) throw Object.assign(new Error('exists'), { code: 'ResourceInUse.Function' });
      this.fns.set(func.name, {
        Runtime: func.runtime,
        Handler: func.handler,
        Timeout: func.timeout,
        MemorySize: func.memorySize,
        Environment: { Variables: this.variables(func.envVariables) },
        Triggers: [],
        uploads: 1,
      });
    },
    updateFunctionCode: async ({ func }: { func: { name: string } }) => {
      (this.fns.get(func.name) as { uploads: number }).uploads += 1;
    },
    updateFunctionConfig: async (func: { name: string; timeout: number; memorySize: number; envVariables: Record<string, string> }) => {
      const f = this.fns.get(func.name);
      if (!f) throw new Error('no function');
      Object.assign(f, { Timeout: func.timeout, MemorySize: func.memorySize, Environment: { Variables: this.variables(func.envVariables) } });
    },
    waitFunctionActive: async () => undefined,
    createFunctionTriggers: async (name: string, triggers: { name: string; type: string; config: string }[]) => {
      const f = this.fns.get(name);
      if (!f) throw new Error('no function');
      for (const t of triggers) {
        if (f.Triggers.some((x) => x.TriggerName === t.name)) throw new Error(`trigger ${t.name} exists`);
        f.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) });
      }
    },
    deleteFunctionTrigger: async (name: string, trigger: string) => {
      const f = this.fns.get(name);
      if (f) f.Triggers = f.Triggers.filter((t) => t.TriggerName !== trigger);
    },
  };

  storage = {
    setStorageAcl: async (acl: string, rule?: unknown) => {
      this.storageAcl = { acl, rule };
    },
    getStorageAcl: async () => this.storageAcl,
  };

  commonService = () => ({
    call: async ({ Action, Param }: { Action: string; Param: { CollectionName: string; AclTag?: string } }) => {
      const c = this.colls.get(Param.CollectionName);
      if (!c) throw new Error('no collection');
      if (Action === 'ModifyDatabaseACL') c.acl = Param.AclTag as string;
      return { AclTag: c.acl };
    },
  });

  currentEnvironment = () => ({ getEnvId: () => 'test-env' });
}

describe('the executor', () => {
  const quiet = () => undefined;

  it('sets up an empty environment as planned, and a second run changes nothing it should keep', async () => {
    const fake = new FakeManager();
    const app = fake as unknown as CloudBase;
    expect(await applyPlan(app, plan, ROOT, quiet)).toEqual([]);
    expect(await checkPlan(app, plan)).toEqual([]);
    expect([...fake.colls.values()].every((c) => c.acl === 'ADMINONLY')).toBe(true);
    expect(fake.colls.get('tickets')?.indexes).toHaveLength(1 + INDEXES.tickets.length);
    expect(fake.storageAcl).toEqual({ acl: 'CUSTOM', rule: STORAGE_RULE });
    expect(fake.fns.get('scheduler')?.Triggers).toHaveLength(1);

    expect(await applyPlan(app, plan, ROOT, quiet)).toEqual([]);
    expect(await checkPlan(app, plan)).toEqual([]);
    expect(fake.colls.get('tickets')?.indexes).toHaveLength(1 + INDEXES.tickets.length);
    expect(fake.fns.get('scheduler')?.Triggers).toHaveLength(1);
    expect(fake.fns.get('village')?.uploads).toBe(2);
  });

  it('reports an environment that drifted from the plan', async () => {
    const fake = new FakeManager();
    const app = fake as unknown as CloudBase;
    await applyPlan(app, plan, ROOT, quiet);
    (fake.colls.get('vote_marks') as { acl: string }).acl = 'READONLY';
    Object.assign(fake.fns.get('matters') as object, { Timeout: 3 });
    (fake.fns.get('tickets') as { Environment: { Variables: unknown[] } }).Environment.Variables = [];
    const diff = (await checkPlan(app, plan)).join('\n');
    expect(diff).toMatch(/vote_marks.*READONLY/);
    expect(diff).toMatch(/matters.*超时/);
    expect(diff).toMatch(/tickets.*ID_HASH_KEY/);
  });

  it('refuses to replace the keys an environment already uses', async () => {
    const fake = new FakeManager();
    const app = fake as unknown as CloudBase;
    await applyPlan(app, plan, ROOT, quiet);
    expect(await keyConflicts(app, plan)).toEqual([]);
    const other = makePlan({
      envId: 'test-env',
      functions: analyses,
      files: readDeployFiles(ROOT),
      collections: C,
      indexes: INDEXES,
      env: { ...env, ID_HASH_KEY: 'a'.repeat(64) },
    });
    const conflicts = await keyConflicts(app, other);
    expect(conflicts).toHaveLength(plan.functions.length);
    expect(conflicts[0]).toContain('ID_HASH_KEY');
  });
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
