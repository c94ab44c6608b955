/**
 * What the deploy-plan tests share: the project's deployable functions and cloudbaserc.json read
 * directly, test secrets, each function's real bundle, and the plan `npm run deploy` would make with
 * every optional notice variable set. The expectations are found independently of
 * scripts/deploy/analyse.ts, so a mistake in the analysis shows as a disagreement.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { C, INDEXES } from '../../../cloudfunctions/core/collections';
import { analyseFunctions, type FunctionAnalysis, readDeployFiles } from '../../../scripts/deploy/analyse';
import { type DeployPlan, makePlan, noticeEnvSuffix } from '../../../scripts/deploy/plan';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const FN_DIR = join(ROOT, 'cloudfunctions', 'functions');
export const ID_HASH_KEY = `${'f'.repeat(24)}0123456789abcdef0123456789abcdef0123456789`;
export const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

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
export const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

export const PORT_CALL: Record<string, RegExp> = {
  'wxacode.getUnlimited': /\.codeMaker\??\.\w+\(/,
  'subscribeMessage.send': /\.notifier\??\.send\(/,
  'security.msgSecCheck': /\.contentCheck\??\.\w+\(/,
  'phonenumber.getPhoneNumber': /\.phones\??\.\w+\(/,
};

export const deployable = readdirSync(FN_DIR)
  .filter((n) => statSync(join(FN_DIR, n)).isDirectory() && existsSync(join(FN_DIR, n, 'index.ts')))
  .sort();
export const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functions: { name: string; timeout: number; memorySize?: number; triggers?: { type: string; config: string }[] }[];
};

/** The analysis and the plan for a test environment, with every optional notice variable set. */
export async function loadPlan(): Promise<{ analyses: FunctionAnalysis[]; plan: DeployPlan; env: Record<string, string> }> {
  const analyses = await analyseFunctions(ROOT);
  // Every optional notice variable set, so that "set for it" can be checked for each one.
  const env: Record<string, string> = { ID_HASH_KEY, AUDIT_SIGNING_KEY };
  for (const k of new Set(analyses.flatMap((a) => a.noticeKinds))) {
    env[`SUBSCRIBE_TEMPLATE_${noticeEnvSuffix(k)}`] = `tmpl-${k}`;
    env[`SUBSCRIBE_FIELDS_${noticeEnvSuffix(k)}`] = 'title=thing1,village=thing2,date=date3';
  }
  const plan = makePlan({ envId: 'test-env', functions: analyses, files: readDeployFiles(ROOT), collections: C, indexes: INDEXES, env });
  return { analyses, plan, env };
}

/** Every deployable function's bundle, cut into chunks by source file. */
export async function loadChunks(): Promise<Record<string, { file: string; code: string }[]>> {
  return Object.fromEntries(await Promise.all(deployable.map(async (n) => [n, await chunksOf(n)] as const)));
}

/** The plan's entry for one function; throws when the plan lacks it. */
export function functionIn(plan: DeployPlan, name: string): DeployPlan['functions'][number] {
  const f = plan.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name} in the plan`);
  return f;
}
