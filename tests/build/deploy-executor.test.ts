/** The deploy executor (scripts/deploy/apply.ts) carrying out the plan on a stand-in for manager-node. */
import type CloudBase from '@cloudbase/manager-node';
import { C, INDEXES } from '../../cloudfunctions/core/collections';
import { readDeployFiles, type FunctionAnalysis } from '../../scripts/deploy/analyse';
import { applyPlan, checkPlan, keyConflicts } from '../../scripts/deploy/apply';
import { makePlan, type DeployPlan, STORAGE_RULE } from '../../scripts/deploy/plan';
import { loadPlan, ROOT } from './deploy/fixture';

let analyses: FunctionAnalysis[];
let plan: DeployPlan;
let env: Record<string, string>;

beforeAll(async () => {
  ({ analyses, plan, env } = await loadPlan());
}, 60_000);

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
