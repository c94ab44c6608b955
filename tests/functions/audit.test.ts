import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AUDIT, recordId, verifyChain } from '../../cloudfunctions/core/audit/chain';
import { DEMO_VILLAGES, demoRosterSheet } from '../../cloudfunctions/host/seed';
import { functionsHost } from '../helpers/host';
import { csvText } from '../helpers/roster-file';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..', '..');

const host = functionsHost();
/** Records the demo history already left on 豆腐李村's chain (four quarters of disclosure). */
let base = 0;
beforeAll(async () => {
  base = (await verifyChain(host.store, 'doufuli')).length;
  // Three more audited writes on 豆腐李村's chain: the same roster imported three times with changes.
  const sheet = demoRosterSheet(DEMO_VILLAGES[1], 1);
  for (const name of ['李一', '李二', '李三']) {
    const rows = sheet.rows.map((r) => [...r.cells]);
    rows[6][0] = name;
    const fileBase64 = Buffer.from(csvText(rows, sheet.header)).toString('base64');
    const res = await host.send('roster', 'commitImport', { villageId: 'doufuli', fileName: 'r.csv', fileBase64 }, 'doufuli-secretary');
    expect(res.body.ok).toBe(true);
  }
});

async function auditVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'audit-verify.ts'), '--db', host.dbFile]);
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

it('records each write with who did it, in a chain that verifies', async () => {
  const report = await verifyChain(host.store, 'doufuli');
  expect(base).toBeGreaterThan(0);
  expect(report).toMatchObject({ scope: 'doufuli', ok: true, length: base + 3 });
  expect(report.root).toMatch(/^[0-9a-f]{64}$/);
  const first = await host.store.collection(AUDIT).get(recordId('doufuli', base + 1));
  expect(first).toMatchObject({
    action: 'roster.commitImport',
    actor: { openid: 'dev-openid-doufuli-secretary', roles: expect.arrayContaining(['secretary']) },
  });
  const ok = await auditVerify();
  expect(ok.code).toBe(0);
  expect(ok.out).toContain(`doufuli：${base + 3} 条记录，链完整`);
}, 60000);

it('names the record an edit in the SQLite file broke', async () => {
  const seq = base + 2;
  const id = recordId('doufuli', seq);
  const original = host.store.db.prepare(`SELECT data FROM "c_audit" WHERE id = ?`).get(id) as { data: string };
  host.store.db.prepare(`UPDATE "c_audit" SET data = json_set(data, '$.target', 'roster:elsewhere') WHERE id = ?`).run(id);
  const report = await verifyChain(host.store, 'doufuli');
  expect(report.ok).toBe(false);
  expect(report.brokenAt).toMatchObject({ seq, id, reason: '记录内容被改动' });
  const broken = await auditVerify();
  expect(broken.code).toBe(1);
  expect(broken.out).toContain(`第 ${seq} 条记录（${id}）记录内容被改动`);
  host.store.db.prepare(`UPDATE "c_audit" SET data = ? WHERE id = ?`).run(original.data, id);
  expect((await verifyChain(host.store, 'doufuli')).ok).toBe(true);
}, 60000);

it('notices that the newest record was deleted', async () => {
  host.store.db.prepare(`DELETE FROM "c_audit" WHERE id = ?`).run(recordId('doufuli', base + 3));
  const report = await verifyChain(host.store, 'doufuli');
  expect(report).toMatchObject({ ok: false, brokenAt: { seq: base + 3, reason: '链尾记录缺失' } });
});
