/**
 * The deploy plan: everything `npm run deploy` sets up in a CloudBase environment, computed from
 * the code (collections.ts, the functions' bundles, cloudbaserc.json, config.json) and the
 * deployer's environment variables. `makePlan` is pure, so the plan test can hold it against the
 * code; apply.ts carries it out and `--dry-run` prints it.
 */
import { createPrivateKey } from 'node:crypto';
import { publicKeyOf } from '../../cloudfunctions/core/audit/checkpoint';
import { SHEET_LIMITS } from '../../cloudfunctions/core/sheets/limits';
import { OPEN_APIS, type DeployFiles, type FunctionAnalysis, type OpenApiName } from './analyse';

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
/** SCF memory comes in steps of 128 MB from 128 up. */
const MEMORY_STEP_MB = 128;

/** The Notifier's name for a kind's variables: `ticket.answered` → `TICKET_ANSWERED`. */
export const noticeEnvSuffix = (kind: string) => kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

export interface IndexPlan {
  /** `villageId_1_quarter_1`: field names with their direction, as MongoDB names indexes (dots become _). */
  name: string;
  fields: string[];
  unique: boolean;
}

export interface CollectionPlan {
  name: string;
  /** 仅管理端可读写: every read and write goes through a cloud function. */
  acl: 'ADMINONLY';
  indexes: IndexPlan[];
}

export interface TriggerPlan {
  name: string;
  type: 'timer';
  /** 7-field cron, seconds first. */
  config: string;
}

export interface FunctionPlan {
  name: string;
  /** The built code folder, from `npm run build:functions`. */
  codeDir: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  /** Every variable the function's code reads, with its value (masked when printed). */
  env: Record<string, string>;
  /** Open APIs its code can call, with the files that call them: config.json must list exactly these. */
  openapi: { api: OpenApiName; files: string[] }[];
  triggers: TriggerPlan[];
  /** Notice kinds it can send, and whether a template is set for each. */
  notices: { kind: string; template: string | null }[];
}

export interface ManualStep {
  /** Where: 微信开发者工具, 云开发控制台, 小程序管理后台. */
  where: string;
  what: string;
  /** Why the command cannot do it. */
  why: string;
}

export interface DeployPlan {
  envId: string | null;
  collections: CollectionPlan[];
  functions: FunctionPlan[];
  /** Cloud storage: admin-only; files are written and read only by functions (temporary URLs). */
  storage: { acl: 'ADMINONLY' };
  /** Static files to upload (hosting): none; the weapp is uploaded by WeChat DevTools, the H5 build is local only. */
  staticFiles: string[];
  /** The audit signing key's public half, for `npm run audit:verify -- --public-key`. */
  auditPublicKey: string | null;
  manual: ManualStep[];
  /** What stops a deploy: the command refuses while any is listed. */
  problems: string[];
}

export interface PlanInput {
  envId: string | null;
  functions: FunctionAnalysis[];
  files: DeployFiles;
  collections: Record<string, string>;
  indexes: Record<string, string[][]>;
  /** The deployer's environment (process.env). */
  env: Record<string, string | undefined>;
}

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

  // The deployer's notice variables, each of which must belong to a kind some function sends.
  const allKinds = new Set(input.functions.flatMap((f) => f.noticeKinds));
  const kindBySuffix = new Map([...allKinds].map((k) => [noticeEnvSuffix(k), k]));
  for (const [key, value] of Object.entries(input.env)) {
    const prefix = NOTICE_PREFIXES.find((p) => key.startsWith(p));
    if (!prefix || value === undefined) continue;
    const suffix = key.slice(prefix.length);
    if (!kindBySuffix.has(suffix)) {
      problems.push(`${key}：代码里没有发送这种通知的云函数（可用的有：${[...kindBySuffix.keys()].sort().map((s) => `${prefix}${s}`).join('、') || '无'}）。`);
      continue;
    }
    const other = prefix === 'SUBSCRIBE_TEMPLATE_' ? `SUBSCRIBE_FIELDS_${suffix}` : `SUBSCRIBE_TEMPLATE_${suffix}`;
    if (!input.env[other]) problems.push(`设置了 ${key} 却没有设置 ${other}：订阅消息需要模板 ID 和字段对应两者。`);
    if (prefix === 'SUBSCRIBE_FIELDS_' && !/^[a-z]+=[a-z_]+\d+(,[a-z]+=[a-z_]+\d+)*$/.test(value.replace(/\s+/g, ''))) {
      problems.push(`${key}=${value} 的格式不对：应写成 title=thing1,village=thing2,date=date3（按模板的字段名）。`);
    }
  }

  const rcByName = new Map(input.files.rc.functions.map((f) => [f.name, f]));
  const analysed = new Set(input.functions.map((f) => f.name));
  for (const f of input.files.rc.functions) if (!analysed.has(f.name)) problems.push(`cloudbaserc.json 里的云函数 ${f.name} 在 cloudfunctions/functions/ 下没有代码。`);

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
    const notices = a.noticeKinds.map((kind) => {
      const s = noticeEnvSuffix(kind);
      const template = input.env[`SUBSCRIBE_TEMPLATE_${s}`] ?? null;
      if (readsNotices && template) {
        env[`SUBSCRIBE_TEMPLATE_${s}`] = template;
        const fields = input.env[`SUBSCRIBE_FIELDS_${s}`];
        if (fields) env[`SUBSCRIBE_FIELDS_${s}`] = fields.replace(/\s+/g, '');
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
    if (triggers.map((t) => `${t.name}|${t.type}|${t.config}`).sort().join(',') !== rcTriggers.join(',')) {
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
      what: '如需微信订阅消息：在“订阅消息”里选模板，把模板 ID 和字段对应写进 SUBSCRIBE_TEMPLATE_* / SUBSCRIBE_FIELDS_* 后重新部署，构建小程序时设置 TARO_APP_SUBSCRIBE_TEMPLATE_*。',
      why: '选模板是小程序帐号在微信后台的操作，没有接口。',
    },
    {
      where: '云开发控制台',
      what: '在“数据库”里导入第一批数据：镇、村、村码和公开目录（结构见 cloudfunctions/host/seed.ts）。',
      why: '这是业务数据，不是环境配置；部署命令不写任何文档。',
    },
  ];

  return {
    envId: input.envId,
    collections,
    functions,
    storage: { acl: 'ADMINONLY' },
    staticFiles: [],
    auditPublicKey: pem ? publicKeyOf(pem) : null,
    manual,
    problems,
  };
}

/** A secret as it may be printed: never its characters, only that it is there. */
export const mask = (value: string) => `******（${value.length} 个字符）`;
const SECRET = new Set<string>(REQUIRED_KEYS);

/** The plan with secrets replaced, for printing or `--json`. */
export function maskedPlan(plan: DeployPlan): DeployPlan {
  return {
    ...plan,
    functions: plan.functions.map((f) => ({
      ...f,
      env: Object.fromEntries(Object.entries(f.env).map(([k, v]) => [k, SECRET.has(k) ? mask(v) : v])),
    })),
  };
}

/** The plan in words, for `--dry-run` and before a deploy. Secrets are masked. */
export function formatPlan(plan: DeployPlan): string {
  const p = maskedPlan(plan);
  const lines: string[] = [];
  lines.push(`部署计划：云开发环境 ${p.envId ?? '（未指定 --env，只预览）'}`);
  lines.push('');
  lines.push(`一、数据库：${p.collections.length} 个集合，权限都设为“仅管理端可读写”（ADMINONLY），小程序端不能直接读写`);
  for (const c of p.collections) {
    const idx = c.indexes.map((i) => `${i.fields.join('+')}${i.unique ? '（唯一）' : ''}`).join('；');
    lines.push(`  ${c.name}${idx ? `  索引：${idx}` : ''}`);
  }
  lines.push('  唯一索引：无。“一人一票”“一人一条”都由确定的 _id 保证（见 docs/deploy.md）。');
  lines.push('');
  lines.push(`二、云函数：${p.functions.length} 个，代码来自 npm run build:functions 生成的 dist/cloudfunctions/<名字>/`);
  for (const f of p.functions) {
    lines.push(`  ${f.name}  ${f.runtime}  入口 ${f.handler}  超时 ${f.timeout} 秒  内存 ${f.memorySize} MB  ${f.installDependency ? '云端安装依赖' : '不安装依赖'}`);
    for (const [k, v] of Object.entries(f.env)) lines.push(`    环境变量 ${k} = ${v}`);
    const unset = f.notices.filter((n) => !n.template).map((n) => `SUBSCRIBE_TEMPLATE_${noticeEnvSuffix(n.kind)}`);
    if (unset.length) lines.push(`    未设置（可选，不设只发小程序内消息）：${unset.join('、')}`);
    lines.push(`    云调用权限：${f.openapi.length ? f.openapi.map((o) => `${o.api}（${o.files.map((x) => x.replace('cloudfunctions/', '')).join('、')}）`).join('；') : '无'}`);
    if (f.triggers.length) lines.push(`    定时触发器：${f.triggers.map((t) => `${t.name}（${t.config}）`).join('；')}`);
  }
  lines.push('');
  lines.push('三、云存储：权限设为“仅管理端可读写”。附件由云函数写入，村民看到的是云函数生成的临时链接。');
  lines.push('四、静态网站托管：不上传任何文件（小程序前端由开发者工具上传，H5 版只在本机 npm start 使用）。');
  if (p.auditPublicKey) lines.push(`五、审计签名公钥（请记下，核对签名用）：${p.auditPublicKey}`);
  lines.push('');
  lines.push('命令做不到、部署后要手动完成的事：');
  p.manual.forEach((m, i) => lines.push(`  ${i + 1}. 【${m.where}】${m.what}\n     原因：${m.why}`));
  if (p.problems.length) {
    lines.push('');
    lines.push('必须先解决的问题（有问题时不会部署）：');
    for (const x of p.problems) lines.push(`  - ${x}`);
  }
  return lines.join('\n');
}
