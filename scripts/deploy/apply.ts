/**
 * Carries out a deploy plan (plan.ts) with @cloudbase/manager-node, and reads an environment
 * back to compare it with the plan (`--check`). Every step can run again: what exists is
 * updated, nothing is deleted, and a difference it will not resolve on its own (a function's
 * runtime, an index of the same name with other fields, different keys) stops it with a reason.
 */
import type CloudBase from '@cloudbase/manager-node';
import { join } from 'node:path';
import type { CollectionPlan, DeployPlan, FunctionPlan, TriggerPlan } from './plan';
import { signingKeyPem } from './plan';

type Log = (line: string) => void;

/** Tencent Cloud API for collection permissions (tcb 2018-06-08); manager-node has no wrapper of its own. */
const TCB = { service: 'tcb', version: '2018-06-08' } as const;

interface FunctionDetail {
  Runtime: string;
  Handler: string;
  Timeout: number;
  MemorySize: number;
  Environment?: { Variables?: { Key: string; Value: string }[] };
  Triggers?: { TriggerName?: string; Type?: string; TriggerDesc?: string }[];
}

const isNotFound = (e: unknown) => /ResourceNotFound/i.test(String((e as { code?: string })?.code ?? '') + String((e as Error)?.message ?? ''));

async function functionDetail(app: CloudBase, name: string): Promise<FunctionDetail | null> {
  try {
    return (await app.functions.getFunctionDetail(name)) as unknown as FunctionDetail;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

const envOf = (d: FunctionDetail) => Object.fromEntries((d.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));

/** A timer's cron as SCF reports it: TriggerDesc is `{"cron":"…"}` for timers. */
function cronOf(desc: string | undefined): string {
  if (!desc) return '';
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    return parsed.cron ?? desc;
  } catch {
    return desc;
  }
}

/**
 * Keys already in the environment must be the ones this deploy brings: a new ID_HASH_KEY would
 * orphan every imported ID number and every ticket's asker key, a new signing key would break
 * the chain of signed heads that villagers' phones hold. Checked on every function before
 * anything is changed.
 */
export async function keyConflicts(app: CloudBase, plan: DeployPlan): Promise<string[]> {
  const out: string[] = [];
  for (const f of plan.functions) {
    const d = await functionDetail(app, f.name);
    if (!d) continue;
    const live = envOf(d);
    if (live.ID_HASH_KEY && live.ID_HASH_KEY !== f.env.ID_HASH_KEY) {
      out.push(`云函数 ${f.name} 上已有的 ID_HASH_KEY 与这次提供的不同。换了它，已导入的身份证号就再也对不上：请找回原来的密钥再部署。`);
    }
    if (live.AUDIT_SIGNING_KEY && signingKeyPem(live.AUDIT_SIGNING_KEY) !== f.env.AUDIT_SIGNING_KEY) {
      out.push(`云函数 ${f.name} 上已有的 AUDIT_SIGNING_KEY 与这次提供的不同。换了它，村民手机里保存的签名就对不上：请用原来的私钥部署。`);
    }
    if (d.Runtime && d.Runtime !== f.runtime) {
      out.push(`云函数 ${f.name} 的运行时是 ${d.Runtime}，计划是 ${f.runtime}；运行时只能在创建时指定：请在控制台删除该函数（数据不受影响）后重新部署。`);
    }
  }
  return out;
}

async function applyCollection(app: CloudBase, c: CollectionPlan, log: Log): Promise<string[]> {
  const problems: string[] = [];
  const made = await app.database.createCollectionIfNotExists(c.name);
  await app.commonService(TCB.service, TCB.version).call({
    Action: 'ModifyDatabaseACL',
    Param: { EnvId: app.currentEnvironment().getEnvId(), CollectionName: c.name, AclTag: c.acl },
  });
  const existing = (await app.database.describeCollection(c.name)).Indexes ?? [];
  const missing = c.indexes.filter((i) => !existing.some((e) => e.Name === i.name));
  for (const i of c.indexes) {
    const e = existing.find((x) => x.Name === i.name);
    if (!e) continue;
    const keys = (e.Keys ?? []).map((k) => k.Name);
    if (keys.join(',') !== i.fields.join(',') || Boolean(e.Unique) !== i.unique) {
      problems.push(`集合 ${c.name} 已有同名索引 ${i.name}，但字段或唯一性不同；请在控制台核对后删除它再部署。`);
    }
  }
  if (missing.length) {
    await app.database.updateCollection(c.name, {
      CreateIndexes: missing.map((i) => ({
        IndexName: i.name,
        MgoKeySchema: { MgoIndexKeys: i.fields.map((f) => ({ Name: f, Direction: '1' })), MgoIsUnique: i.unique },
      })),
    });
  }
  log(`  ${c.name}：${made.IsCreated ? '已创建' : '已存在'}，权限 ${c.acl}${missing.length ? `，新建索引 ${missing.map((i) => i.name).join('、')}` : ''}`);
  return problems;
}

async function applyTriggers(app: CloudBase, f: FunctionPlan, live: FunctionDetail | null, log: Log): Promise<void> {
  const have = live?.Triggers ?? [];
  for (const t of f.triggers) {
    const same = have.find((h) => h.TriggerName === t.name);
    if (same && same.Type === t.type && cronOf(same.TriggerDesc) === t.config) continue;
    if (same) await app.functions.deleteFunctionTrigger(f.name, t.name);
    await app.functions.createFunctionTriggers(f.name, [t as TriggerPlan]);
    log(`    定时触发器 ${t.name}（${t.config}）${same ? '已更新' : '已创建'}`);
  }
}

async function applyFunction(app: CloudBase, f: FunctionPlan, root: string, log: Log): Promise<void> {
  const functionRootPath = join(root, 'dist', 'cloudfunctions');
  const live = await functionDetail(app, f.name);
  const config = { timeout: f.timeout, memorySize: f.memorySize, envVariables: f.env, installDependency: f.installDependency };
  if (!live) {
    // Triggers are left to applyTriggers: manager-node's createFunction would retry creating an
    // existing trigger and fail a second run.
    await app.functions.createFunction({
      func: { name: f.name, runtime: f.runtime, handler: f.handler, ...config, isWaitInstall: true },
      functionRootPath,
      force: false,
    });
    log(`  ${f.name}：已创建（${f.runtime}，超时 ${f.timeout} 秒，内存 ${f.memorySize} MB）`);
  } else {
    await app.functions.updateFunctionCode({
      func: { name: f.name, runtime: f.runtime, handler: f.handler, installDependency: f.installDependency, isWaitInstall: true },
      functionRootPath,
    });
    await app.functions.waitFunctionActive(f.name);
    // Environment variables are replaced as a whole: the plan is the one source of them.
    await app.functions.updateFunctionConfig({ name: f.name, ...config });
    await app.functions.waitFunctionActive(f.name);
    log(`  ${f.name}：代码和配置已更新（超时 ${f.timeout} 秒，内存 ${f.memorySize} MB）`);
  }
  await applyTriggers(app, f, await functionDetail(app, f.name), log);
}

/** Applies the plan; returns what it could not settle. Functions come last: they need the collections. */
export async function applyPlan(app: CloudBase, plan: DeployPlan, root: string, log: Log): Promise<string[]> {
  const problems: string[] = [];
  log('数据库集合：');
  for (const c of plan.collections) problems.push(...(await applyCollection(app, c, log)));
  await app.storage.setStorageAcl(plan.storage.acl, plan.storage.rule);
  log(`云存储：自定义安全规则（只能写 incoming/，不能读）`);
  log('云函数：');
  for (const f of plan.functions) await applyFunction(app, f, root, log);
  return problems;
}

/** Reads the environment back and lists every way it differs from the plan. Changes nothing. */
export async function checkPlan(app: CloudBase, plan: DeployPlan): Promise<string[]> {
  const out: string[] = [];
  const envId = app.currentEnvironment().getEnvId();
  for (const c of plan.collections) {
    const exists = await app.database.checkCollectionExists(c.name);
    if (!exists.Exists) {
      out.push(`集合 ${c.name} 不存在。`);
      continue;
    }
    const acl = (await app
      .commonService(TCB.service, TCB.version)
      .call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: c.name } })) as { AclTag?: string };
    if (acl.AclTag !== c.acl) out.push(`集合 ${c.name} 的权限是 ${acl.AclTag ?? '未知'}，应为 ${c.acl}。`);
    const indexes = (await app.database.describeCollection(c.name)).Indexes ?? [];
    for (const i of c.indexes) if (!indexes.some((e) => e.Name === i.name)) out.push(`集合 ${c.name} 缺少索引 ${i.name}。`);
  }
  const storage = await app.storage.getStorageAcl({ withRule: true });
  if (storage.acl !== plan.storage.acl || JSON.stringify(storage.rule) !== JSON.stringify(plan.storage.rule)) {
    out.push(`云存储权限是 ${storage.acl}${storage.rule ? ` ${JSON.stringify(storage.rule)}` : ''}，应为自定义规则 ${JSON.stringify(plan.storage.rule)}。`);
  }
  for (const f of plan.functions) {
    const d = await functionDetail(app, f.name);
    if (!d) {
      out.push(`云函数 ${f.name} 不存在。`);
      continue;
    }
    if (d.Runtime !== f.runtime) out.push(`云函数 ${f.name} 的运行时是 ${d.Runtime}，应为 ${f.runtime}。`);
    if (d.Handler !== f.handler) out.push(`云函数 ${f.name} 的入口是 ${d.Handler}，应为 ${f.handler}。`);
    if (d.Timeout !== f.timeout) out.push(`云函数 ${f.name} 的超时是 ${d.Timeout} 秒，应为 ${f.timeout} 秒。`);
    if (d.MemorySize !== f.memorySize) out.push(`云函数 ${f.name} 的内存是 ${d.MemorySize} MB，应为 ${f.memorySize} MB。`);
    const live = envOf(d);
    for (const [k, v] of Object.entries(f.env)) {
      const same = k === 'AUDIT_SIGNING_KEY' ? live[k] !== undefined && signingKeyPem(live[k]) === v : live[k] === v;
      if (!same) out.push(`云函数 ${f.name} 的环境变量 ${k} ${live[k] === undefined ? '没有设置' : '与计划不同'}。`);
    }
    for (const t of f.triggers) {
      const have = (d.Triggers ?? []).find((h) => h.TriggerName === t.name);
      if (!have || cronOf(have.TriggerDesc) !== t.config) out.push(`云函数 ${f.name} 缺少定时触发器 ${t.name}（${t.config}）。`);
    }
  }
  return out;
}
