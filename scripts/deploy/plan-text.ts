/** The plan as people read it: secrets masked, then in words for `--dry-run` and before a deploy. */
import { noticeEnvSuffix } from '../../config/subscribe';
import { RoleLabels } from '../../types/roles';
import type { DeployPlan } from './plan-types';
import { REQUIRED_KEYS } from './plan';

/** A secret as it may be printed: never its characters, only that it is there. */
export const mask = (value: string) => `******（${value.length} 个字符）`;

/** The plan with secrets replaced, for printing or `--json`. */
export function maskedPlan(plan: DeployPlan): DeployPlan {
  // Read at call time: plan.ts and this file import each other, so REQUIRED_KEYS is not there yet at load.
  const SECRET = new Set<string>(REQUIRED_KEYS);
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
    lines.push(
      `  ${f.name}  ${f.runtime}  入口 ${f.handler}  超时 ${f.timeout} 秒  内存 ${f.memorySize} MB  ${f.installDependency ? '云端安装依赖' : '不安装依赖'}`,
    );
    for (const [k, v] of Object.entries(f.env)) lines.push(`    环境变量 ${k} = ${v}`);
    const unset = f.notices.filter((n) => !n.template).map((n) => `SUBSCRIBE_TEMPLATE_${noticeEnvSuffix(n.kind)}`);
    if (unset.length) lines.push(`    未设置（可选，不设只发小程序内消息）：${unset.join('、')}`);
    lines.push(
      `    云调用权限：${f.openapi.length ? f.openapi.map((o) => `${o.api}（${o.files.map((x) => x.replace('cloudfunctions/', '')).join('、')}）`).join('；') : '无'}`,
    );
    if (f.triggers.length) lines.push(`    定时触发器：${f.triggers.map((t) => `${t.name}（${t.config}）`).join('；')}`);
  }
  lines.push('');
  lines.push(
    `三、云存储：自定义安全规则。小程序端不能读任何文件（村民看到的是云函数生成的临时链接），只能把新上传的文件写进 incoming/<村>/<用途>/；规则：${JSON.stringify(p.storage.rule)}`,
  );
  lines.push('四、静态网站托管：不上传任何文件（小程序前端由开发者工具上传，H5 版只在本机 npm start 使用）。');
  lines.push(`五、订阅消息模板：${p.templates.length} 种（config/subscribe.ts；小程序构建和云函数用同一个模板 ID，不设只发小程序内消息）`);
  for (const t of p.templates) {
    lines.push(`  ${t.kind}（${t.label}）  ${t.envVar} = ${t.id ?? '未设置'}  字段 ${t.fields}`);
    lines.push(`    接收：${t.roles.map((r) => RoleLabels[r]).join('、')}  发送：${t.functions.join('、') || '无'}`);
  }
  if (p.auditPublicKey) lines.push(`六、审计签名公钥（请记下，核对签名用）：${p.auditPublicKey}`);
  lines.push('');
  lines.push('命令做不到、部署后要手动完成的事：');
  p.manual.forEach((m, i) => {
    lines.push(`  ${i + 1}. 【${m.where}】${m.what}\n     原因：${m.why}`);
  });
  if (p.problems.length) {
    lines.push('');
    lines.push('必须先解决的问题（有问题时不会部署）：');
    for (const x of p.problems) lines.push(`  - ${x}`);
  }
  return lines.join('\n');
}
