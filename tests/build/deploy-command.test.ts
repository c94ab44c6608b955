/** `npm run deploy` as a command: its dry run and its refusals. Needs no build, credentials or network. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { C } from '../../cloudfunctions/core/collections';
import { AUDIT_SIGNING_KEY, deployable, ID_HASH_KEY, ROOT } from './deploy/fixture';

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
