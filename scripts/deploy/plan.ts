/**
 * The deploy plan: everything `npm run deploy` sets up in a CloudBase environment, computed from
 * the code (collections.ts, the functions' bundles, cloudbaserc.json, config.json) and the
 * deployer's environment variables. `makePlan` is pure, so the plan test can hold it against the
 * code; apply.ts carries it out and `--dry-run` prints it.
 */
import { createPrivateKey } from 'node:crypto';
import { publicKeyOf } from '../../cloudfunctions/core/audit/checkpoint';
import { SHEET_LIMITS } from '../../cloudfunctions/core/sheets/limits';
import { fieldsEnvOf, fieldsOf, fieldsText, noticeEnvSuffix, NOTICE_TEMPLATES, templateEnvOf, templateIdOf, templateOf } from '../../config/subscribe';
import { OPEN_APIS, type FunctionAnalysis } from './analyse';
import type { CollectionPlan, DeployPlan, FunctionPlan, ManualStep, PlanInput, TemplatePlan } from './plan-types';

export type * from './plan-types';
export { formatPlan, mask, maskedPlan } from './plan-text';

/** Read by every function (adapters/cloudbase/main.ts), refused when absent. */
export const REQUIRED_KEYS = ['ID_HASH_KEY', 'AUDIT_SIGNING_KEY'] as const;
/** Read with a computed name by the Notifier (adapters/cloudbase/notifier.ts), one pair per notice kind. */
export const NOTICE_PREFIXES = ['SUBSCRIBE_TEMPLATE_', 'SUBSCRIBE_FIELDS_'] as const;
/** SCF's limit on one function's environment variables, keys and values together. */
export const ENV_BYTES_LIMIT = 4096;
/** What the main thread of a function needs besides a sheet worker's heap (MB). */
const MAIN_THREAD_MB = 128;
/** The sheet worker's young generation (core/sheets/isolate.ts). */
const WORKER_YOUNG_MB = 32;
/** What manager-node uses when a function names no memory; kept explicit here. */
const DEFAULT_MEMORY_MB = 256;
/**
 * The storage rule: where a phone's `wx.cloud.uploadFile` may write (the incoming folder's
 * layout, cloudfunctions/core/attachments/incoming.ts) and that it reads nothing. Escaped twice:
 * the rule is a string holding a regular expression literal.
 */
export const STORAGE_RULE = {
  read: false,
  write:
    'auth != null && /^incoming\\/[A-Za-z0-9_-]{1,64}\\/(photo|attachment|roster|ledger|assets)\\/[A-Za-z0-9_-]{8,64}\\.(jpg|png|pdf|xlsx|csv)$/.test(resource.path) == true',
};

/** SCF memory comes in steps of 128 MB from 128 up. */
const MEMORY_STEP_MB = 128;

/** The Notifier's name for a kind's variables: `ticket.answered` → `TICKET_ANSWERED` (config/subscribe.ts). */
export { noticeEnvSuffix };
/** What the Notifier accepts as SUBSCRIBE_FIELDS_<KIND>: `title=thing1,village=thing2,date=date3`. */
const FIELDS_FORMAT = /^[a-z]+=[a-z_]+\d+(,[a-z]+=[a-z_]+\d+)*$/;

/**
 * Unique indexes the data's correctness depends on. None: every "one per …" rule is carried by a
 * deterministic `_id` (`${meetingId}:${personId}` for a vote mark, `${villageId}:${idHash}` for a
 * person, `${villageId}:${openid}` for a binding, `${scope}:${seq}` for an audit record …), which
 * holds on CloudBase and SQLite alike. A unique index would add nothing and could do harm:
 * `ballots` (meetingId, receipt) holds many null receipts. docs/deploy.md has the table.
 */
export const UNIQUE_INDEXES: Record<string, string[][]> = {};

export const indexName = (fields: string[]) => fields.map((f) => `${f.replace(/[^A-Za-z0-9]/g, '_')}_1`).join('_');

const sameFields = (a: string[], b: string[]) => a.length === b.length && a.every((f, i) => f === b[i]);

/** The keys' problems, in words a deployer can act on; empty when both are usable. */
export function keyProblems(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  const idKey = env.ID_HASH_KEY;
  if (!idKey) out.push('缺少 ID_HASH_KEY。');
  else if (idKey.trim() !== idKey || idKey.length < 32) out.push('ID_HASH_KEY 太短或首尾有空白：至少 32 个字符，建议用 `openssl rand -hex 32` 生成。');
  const pem = env.AUDIT_SIGNING_KEY;
  if (!pem) out.push('缺少 AUDIT_SIGNING_KEY。');
  else if (!signingKeyPem(pem)) out.push('AUDIT_SIGNING_KEY 不是 Ed25519 私钥（PKCS#8 PEM）：请用 `openssl genpkey -algorithm ed25519` 生成。');
  return out;
}

export const KEY_HELP = [
  '部署需要两把密钥。请在运行命令的终端里设置环境变量（它们只写进云函数的环境变量，不进数据库，也不要提交到代码仓库）：',
  '',
  '  export ID_HASH_KEY=$(openssl rand -hex 32)',
  '      身份证号加密散列的密钥。导入过花名册后就不能再换，否则已导入的身份证号无法匹配、加密的出生信息无法读出。请抄下来妥善保存。',
  '  export AUDIT_SIGNING_KEY="$(openssl genpkey -algorithm ed25519)"',
  '      审计检查点的 Ed25519 签名私钥。只放在云函数的环境变量里；公钥会打印在部署计划里，用于 npm run audit:verify -- --public-key <公钥>。',
  '',
  '以后每次部署都要用同一对密钥。',
].join('\n');

/**
 * The PEM as the functions will read it: accepts the key with real line breaks or with `\n`
 * written out (easier to paste into a CI secret), and gives it back in PKCS#8 PEM.
 */
export function signingKeyPem(raw: string): string | null {
  try {
    const key = createPrivateKey(raw.includes('\\n') ? raw.replace(/\\n/g, '\n') : raw);
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ format: 'pem', type: 'pkcs8' }).toString();
  } catch {
    return null;
  }
}

function memoryProblems(name: string, a: FunctionAnalysis, memorySize: number): string[] {
  const out: string[] = [];
  if (memorySize < 128 || memorySize % MEMORY_STEP_MB !== 0) out.push(`${name}：内存 ${memorySize} MB 不合云函数的规格（128 MB 起，按 128 MB 递增）。`);
  const needed = SHEET_LIMITS.memoryMb + WORKER_YOUNG_MB + MAIN_THREAD_MB;
  if (a.readsSheets && memorySize < needed) {
    out.push(`${name}：会在工作线程里读表格（堆上限 ${SHEET_LIMITS.memoryMb} MB），内存至少要 ${needed} MB，cloudbaserc.json 里是 ${memorySize} MB。`);
  }
  return out;
}

/** The whole plan. Pure: the same code and environment always give the same plan. */
export function makePlan(input: PlanInput): DeployPlan {
  const problems: string[] = [...keyProblems(input.env)];
  const names = new Set(Object.values(input.collections));

  for (const c of Object.keys(input.indexes)) if (!names.has(c)) problems.push(`INDEXES 里的集合 ${c} 不在 C（collections.ts）中。`);
  const collections: CollectionPlan[] = [...names].sort().map((name) => ({
    name,
    acl: 'ADMINONLY',
    indexes: (input.indexes[name] ?? []).map((fields) => ({
      name: indexName(fields),
      fields,
      unique: (UNIQUE_INDEXES[name] ?? []).some((u) => sameFields(u, fields)),
    })),
  }));

  const pem = input.env.AUDIT_SIGNING_KEY ? signingKeyPem(input.env.AUDIT_SIGNING_KEY) : null;
  const keys: Record<string, string> = {
    ID_HASH_KEY: input.env.ID_HASH_KEY ?? '',
    AUDIT_SIGNING_KEY: pem ?? input.env.AUDIT_SIGNING_KEY ?? '',
  };

  // Subscribe templates: config/subscribe.ts lists every kind the code sends, and nothing else.
  const list = input.templates ?? NOTICE_TEMPLATES;
  const allKinds = new Set(input.functions.flatMap((f) => f.noticeKinds));
  for (const k of [...allKinds].sort()) {
    if (!templateOf(k, list)) problems.push(`云函数会发送“${k}”通知，config/subscribe.ts 里没有它：请写明模板的名称、字段对应和接收角色。`);
  }
  for (const t of list) {
    if (!allKinds.has(t.kind)) problems.push(`config/subscribe.ts 列出的“${t.kind}”没有云函数发送（拼错了，或发送它的代码已删去）。`);
    if (!FIELDS_FORMAT.test(fieldsText(t.fields)))
      problems.push(`config/subscribe.ts 里“${t.kind}”的字段对应 ${fieldsText(t.fields)} 格式不对：应写成 { title: 'thing1', … }。`);
    const own = input.env[templateEnvOf(t.kind)]?.trim();
    const legacy = t.legacyClientEnv ? input.env[t.legacyClientEnv]?.trim() : undefined;
    if (own && legacy && own !== legacy) {
      problems.push(
        `${templateEnvOf(t.kind)} 和 ${t.legacyClientEnv} 是两个不同的模板：小程序会请求一个、云函数会用另一个发送，微信会拒收。请只设 ${templateEnvOf(t.kind)}。`,
      );
    }
  }
  // The deployer's notice variables, each of which must belong to a kind some function sends.
  const kindBySuffix = new Map([...allKinds].map((k) => [noticeEnvSuffix(k), k]));
  for (const [key, value] of Object.entries(input.env)) {
    const prefix = NOTICE_PREFIXES.find((p) => key.startsWith(p));
    if (!prefix || value === undefined) continue;
    const suffix = key.slice(prefix.length);
    if (!kindBySuffix.has(suffix)) {
      problems.push(
        `${key}：代码里没有发送这种通知的云函数（可用的有：${
          [...kindBySuffix.keys()]
            .sort()
            .map((s) => `${prefix}${s}`)
            .join('、') || '无'
        }）。`,
      );
      continue;
    }
    if (prefix === 'SUBSCRIBE_FIELDS_' && !FIELDS_FORMAT.test(value.replace(/\s+/g, ''))) {
      problems.push(`${key}=${value} 的格式不对：应写成 title=thing1,village=thing2,date=date3（按模板的字段名）。`);
    }
  }

  const rcByName = new Map(input.files.rc.functions.map((f) => [f.name, f]));
  const analysed = new Set(input.functions.map((f) => f.name));
  for (const f of input.files.rc.functions)
    if (!analysed.has(f.name)) problems.push(`cloudbaserc.json 里的云函数 ${f.name} 在 cloudfunctions/functions/ 下没有代码。`);

  const functions: FunctionPlan[] = [];
  for (const a of [...input.functions].sort((x, y) => x.name.localeCompare(y.name))) {
    const rc = rcByName.get(a.name);
    if (!rc) {
      problems.push(`云函数 ${a.name} 没有写进 cloudbaserc.json（运行时、超时、内存）。`);
      continue;
    }
    const config = input.files.configs[a.name];

    // Variables: exactly what the code reads.
    const env: Record<string, string> = {};
    for (const n of a.envNames) {
      if (n in keys) env[n] = keys[n];
      else problems.push(`云函数 ${a.name} 读取环境变量 ${n}，部署计划不认识它：请在 scripts/deploy/plan.ts 里说明它从哪里来。`);
    }
    for (const p of a.envPrefixes) {
      if (!(NOTICE_PREFIXES as readonly string[]).includes(p)) {
        problems.push(`云函数 ${a.name} 按计算出的名字读取环境变量（前缀“${p}”），部署计划不认识它：请在 scripts/deploy/plan.ts 里说明。`);
      }
    }
    const readsNotices = NOTICE_PREFIXES.every((p) => a.envPrefixes.includes(p));
    // Each template's id and field mapping from config/subscribe.ts (ids from the deployer's environment).
    const notices = a.noticeKinds.map((kind) => {
      const t = templateOf(kind, list);
      const template = (t && templateIdOf(t, input.env)) || null;
      if (readsNotices && t && template) {
        env[templateEnvOf(kind)] = template;
        env[fieldsEnvOf(kind)] = fieldsOf(t, input.env);
      }
      return { kind, template: readsNotices ? template : null };
    });
    const envBytes = Object.entries(env).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (envBytes > ENV_BYTES_LIMIT) problems.push(`云函数 ${a.name} 的环境变量共 ${envBytes} 字节，超过云函数的 ${ENV_BYTES_LIMIT} 字节上限。`);

    // Open APIs: what the code calls, which config.json must declare for WeChat DevTools.
    const openapi = OPEN_APIS.filter((o) => a.openapi[o.api]).map((o) => ({ api: o.api, files: [...(a.openapi[o.api] ?? [])].sort() }));
    const need = openapi.map((o) => o.api).sort();
    const declared = [...(config?.permissions?.openapi ?? [])].sort();
    if (!config) problems.push(`cloudfunctions/functions/${a.name}/config.json 不存在：云调用权限要写在那里。`);
    else if (need.join(',') !== declared.join(',')) {
      problems.push(`cloudfunctions/functions/${a.name}/config.json 的 permissions.openapi 是 [${declared.join(', ')}]，代码需要的是 [${need.join(', ')}]。`);
    }

    // Timers: config.json (DevTools) and cloudbaserc.json (tcb) must say the same.
    const triggers = (config?.triggers ?? []).map((t) => ({ name: t.name, type: t.type as 'timer', config: t.config }));
    for (const t of triggers) if (t.type !== 'timer') problems.push(`${a.name}：触发器 ${t.name} 的类型 ${t.type} 不受支持（只支持 timer）。`);
    const rcTriggers = (rc.triggers ?? []).map((t) => `${t.name}|${t.type}|${t.config}`).sort();
    if (
      triggers
        .map((t) => `${t.name}|${t.type}|${t.config}`)
        .sort()
        .join(',') !== rcTriggers.join(',')
    ) {
      problems.push(`${a.name}：config.json 与 cloudbaserc.json 里的定时触发器不一致。`);
    }

    const memorySize = rc.memorySize ?? DEFAULT_MEMORY_MB;
    problems.push(...memoryProblems(a.name, a, memorySize));
    functions.push({
      name: a.name,
      codeDir: `dist/cloudfunctions/${a.name}`,
      runtime: rc.runtime,
      handler: rc.handler ?? 'index.main',
      timeout: rc.timeout,
      memorySize,
      installDependency: rc.installDependency ?? true,
      env,
      openapi,
      triggers,
      notices,
    });
  }

  const withOpenApi = functions.filter((f) => f.openapi.length > 0).map((f) => f.name);
  // DevTools' two upload commands: the bundles either carry everything or need npm in the cloud.
  const upload = functions.some((f) => f.installDependency) ? '上传并部署：云端安装依赖' : '上传并部署：所有文件';
  const manual: ManualStep[] = [
    {
      where: '微信开发者工具',
      what:
        `打开项目根目录，在 dist/cloudfunctions/ 下对 ${withOpenApi.join('、')} 逐个右键“${upload}”，让微信按各自 config.json 登记云调用权限；` +
        '登记有约 10 分钟缓存，之前调用会报 -604101。上传后运行 `npm run deploy -- --env <环境ID> --check`，确认超时、内存、环境变量和触发器仍是计划里的样子。',
      why: '云调用权限（permissions.openapi）只在开发者工具上传云函数时登记；腾讯云 API 和 @cloudbase/manager-node 都没有设置它的接口。',
    },
    {
      where: '微信开发者工具',
      what: '用 `TCB_ENV_ID=<环境ID> npm run build:weapp` 构建小程序，上传代码并提交审核。',
      why: '小程序前端只能由开发者工具（或 miniprogram-ci 加上传密钥）上传，不属于云开发环境。',
    },
    {
      where: '小程序管理后台',
      what:
        '如需微信订阅消息：在“订阅消息”里为上面“订阅消息模板”列出的每种通知选一个一次性订阅模板，把模板 ID 写进 SUBSCRIBE_TEMPLATE_<类型>，' +
        '模板的字段编号与 config/subscribe.ts 不同时改那里（或设 SUBSCRIBE_FIELDS_<类型>），然后重新部署，并用同样的变量构建小程序（npm run build:weapp），两边用的是同一个模板。',
      why: '选模板是小程序帐号在微信后台的操作，没有接口。',
    },
    {
      where: '云开发控制台',
      what: '在“数据库”里导入第一批数据：镇、村、村码和公开目录（结构见 cloudfunctions/host/seed.ts）。',
      why: '这是业务数据，不是环境配置；部署命令不写任何文档。',
    },
  ];

  const templates: TemplatePlan[] = list.map((t) => ({
    kind: t.kind,
    label: t.label,
    roles: [...t.roles],
    envVar: templateEnvOf(t.kind),
    id: templateIdOf(t, input.env) || null,
    fields: fieldsOf(t, input.env),
    functions: functions.filter((f) => f.notices.some((n) => n.kind === t.kind)).map((f) => f.name),
  }));

  return {
    envId: input.envId,
    collections,
    functions,
    templates,
    storage: { acl: 'CUSTOM', rule: STORAGE_RULE },
    staticFiles: [],
    auditPublicKey: pem ? publicKeyOf(pem) : null,
    manual,
    problems,
  };
}
