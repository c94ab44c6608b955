/**
 * `npm run deploy -- --env <envId>`: sets up a CloudBase environment for this product — every
 * collection (admin-only, with its indexes), storage permissions, and every cloud function with
 * its runtime, timeout, memory, environment variables and timer — then reads it back.
 *
 *   --dry-run       print the plan and stop; needs no Tencent Cloud credentials, calls nothing
 *   --check         read the environment back and compare it with the plan; changes nothing
 *   --json          print the plan (secrets masked) as JSON instead of words
 *   --region <r>    the environment's region when it is not ap-shanghai
 *   --skip-build    deploy dist/cloudfunctions as it is, without `npm run build:functions`
 *
 * Reads ID_HASH_KEY and AUDIT_SIGNING_KEY (required) and SUBSCRIBE_TEMPLATE_* /
 * SUBSCRIBE_FIELDS_* (optional; the kinds, fields and receivers are in config/subscribe.ts) from
 * the deployer's environment, and Tencent Cloud API keys from
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (/ TENCENTCLOUD_SESSIONTOKEN). What it cannot do
 * is listed at the end of the plan and in docs/deploy.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { C, INDEXES } from '../cloudfunctions/core/collections';
import { analyseFunctions, readDeployFiles, ROOT } from './deploy/analyse';
import { formatPlan, KEY_HELP, keyProblems, makePlan, maskedPlan, type DeployPlan } from './deploy/plan';

interface Args {
  envId: string | null;
  dryRun: boolean;
  check: boolean;
  json: boolean;
  region: string | undefined;
  skipBuild: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string): string | undefined => {
    const eq = argv.find((a) => a.startsWith(`${flag}=`));
    if (eq) return eq.slice(flag.length + 1);
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = ['--env', '--dry-run', '--check', '--json', '--region', '--skip-build'];
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.includes(a.split('=')[0]) && !(i > 0 && ['--env', '--region'].includes(argv[i - 1])));
  if (unknown.length) fail(`不认识的参数：${unknown.join(' ')}。可用：${known.join(' ')}`);
  return {
    envId: value('--env') ?? process.env.TCB_ENV_ID ?? null,
    dryRun: argv.includes('--dry-run'),
    check: argv.includes('--check'),
    json: argv.includes('--json'),
    region: value('--region'),
    skipBuild: argv.includes('--skip-build'),
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function connect(args: Args, plan: DeployPlan) {
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey) {
    fail(
      [
        '缺少腾讯云 API 密钥。请用小程序帐号登录腾讯云控制台（https://console.cloud.tencent.com/cam/capi，或云开发控制台右上角进入），新建 API 密钥后设置：',
        '  export TENCENTCLOUD_SECRETID=<SecretId>',
        '  export TENCENTCLOUD_SECRETKEY=<SecretKey>',
        '只想看计划，不需要密钥：npm run deploy -- --dry-run',
      ].join('\n'),
    );
  }
  // Loaded only here: a dry run never loads the SDK, let alone reaches the network.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  return new CloudBase({ secretId, secretKey, token: process.env.TENCENTCLOUD_SESSIONTOKEN, envId: plan.envId as string, region: args.region });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const missing = keyProblems(process.env);
  if (missing.length) fail(`${missing.join('\n')}\n\n${KEY_HELP}`);

  const plan = makePlan({
    envId: args.envId,
    functions: await analyseFunctions(ROOT),
    files: readDeployFiles(ROOT),
    collections: C,
    indexes: INDEXES,
    env: process.env,
  });
  console.log(args.json ? JSON.stringify(maskedPlan(plan), null, 2) : formatPlan(plan));
  if (args.dryRun) {
    if (!args.json)
      console.log(
        `\n这是预览（--dry-run），没有连接云开发，也没有改动任何东西。${plan.problems.length ? '' : '确认无误后去掉 --dry-run 并加上 --env <环境ID> 运行。'}`,
      );
    // A plan with problems fails here too, so CI can run the dry run as a gate.
    if (plan.problems.length) process.exit(1);
    return;
  }
  if (plan.problems.length) fail('\n计划里还有问题（见上），没有部署。');
  if (!plan.envId) fail('\n请用 --env <环境ID> 指定要部署到的云开发环境（在云开发控制台的“概览”里可以看到）。');

  const app = await connect(args, plan);
  const { applyPlan, checkPlan, keyConflicts } = await import('./deploy/apply');
  if (!args.check) {
    const conflicts = await keyConflicts(app, plan);
    if (conflicts.length) fail(`\n${conflicts.join('\n')}\n没有部署。`);
    if (!args.skipBuild) {
      console.log('\n构建云函数（npm run build:functions）…');
      const built = spawnSync('npm', ['run', 'build:functions'], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) fail('云函数构建失败，没有部署。');
    }
    const absent = plan.functions.filter((f) => !existsSync(join(ROOT, f.codeDir, 'index.js')));
    if (absent.length) fail(`找不到构建好的代码：${absent.map((f) => f.codeDir).join('、')}。请先运行 npm run build:functions。`);
    console.log('\n开始部署：');
    const unsettled = await applyPlan(app, plan, ROOT, (line) => console.log(line));
    if (unsettled.length) console.log(`\n没有自动处理的差异：\n${unsettled.map((x) => `  - ${x}`).join('\n')}`);
  }
  console.log('\n核对云开发环境与计划…');
  const differences = await checkPlan(app, plan);
  if (differences.length) fail(`与计划不一致：\n${differences.map((x) => `  - ${x}`).join('\n')}`);
  console.log('环境与计划一致。别忘了上面“部署后要手动完成的事”。');
}

main().catch((e: unknown) => {
  const err = e as { message?: string; code?: string; requestId?: string };
  console.error(`部署失败：${err.message ?? String(e)}${err.code ? `（${err.code}）` : ''}${err.requestId ? ` RequestId ${err.requestId}` : ''}`);
  console.error('部署可以重复运行：已完成的部分会被跳过或原样更新。');
  process.exit(1);
});
