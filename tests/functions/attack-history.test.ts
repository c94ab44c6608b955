import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AUDIT, verifyChain } from '../../cloudfunctions/core/audit/chain';
import { publicKeyOf, verifyHead } from '../../cloudfunctions/core/audit/checkpoint';
import { verifyExtends } from '../../src/services/merkle';
import type { SignedHead } from '../../types/village';
import { Operator, rewriteAmount } from '../helpers/db-operator';
import { functionsHost, TEST_SIGNING_KEY, type TestHost } from '../helpers/host';
import { PLAIN_PNG } from '../helpers/photo-metadata';

/**
 * The attack, by whoever operates the database and holds no key: multiply a published amount by
 * ten, recompute the version's digest, the publication record's digest, relink every later record
 * of the chain and recompute the village's Merkle tree — everything stored agrees again, and the
 * plain chain check passes. It must still be caught by audit:verify with the signing key, by the
 * township's record of heads, by the service before it signs again, and by a phone that kept an
 * earlier head. Also: a correction deleted with publishedVersion reset, and a version's reason or
 * an attachment file changed, which 校验 and audit:verify used to miss.
 */
jest.setTimeout(120000);

const ROOT = resolve(__dirname, '..', '..');
const V = 'yangjia';
const run = promisify(execFile);

async function auditVerify(host: TestHost): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'audit-verify.ts'), '--db', host.dbFile, '--public-key', publicKeyOf(TEST_SIGNING_KEY)],
      { env: { ...process.env, AUDIT_SIGNING_KEY: '' } },
    );
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

async function ok(host: TestHost, fn: string, action: string, data: unknown, persona?: string) {
  const res = await host.send(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

describe('a keyless rewrite of a published amount', () => {
  const host = functionsHost();
  let held: SignedHead;

  it('is what the phone, the township and the signatures see before the rewrite', async () => {
    const first = await ok(host, 'village', 'history', { villageId: V });
    expect(verifyHead(first.head, publicKeyOf(TEST_SIGNING_KEY))).toBe(true);
    // The hourly timer's first run of the day puts the village's head on the township's chain.
    expect((await host.post('/dev/tick', '{}')).body.data.headsRecorded).toBe(4);
    // A villager rates the quarter: the log grows, and the phone checks it extends what it kept.
    await ok(host, 'disclosure', 'rate', { villageId: V, quarter: '2026Q3', rating: '满意' }, `${V}-villager`);
    const next = await ok(host, 'village', 'history', { villageId: V, from: first.head.size });
    expect(next.head.size).toBe(first.head.size + 1);
    expect(verifyExtends(first.head.size, next.head.size, first.head.root, next.head.root, next.proof)).toBe(true);
    held = next.head;
    expect((await auditVerify(host)).code).toBe(0);
  });

  it("is caught by audit:verify with the key and by the township's record, though the plain chain check passes", async () => {
    const op = new Operator(host.dbFile);
    const [target] = op.rows<{ amountFen: number | null; villageId: string }>(
      'disclosure_versions',
      `json_extract(data, '$.villageId') = ? AND json_extract(data, '$.amountFen') > 0`,
      V,
    );
    rewriteAmount(op, target._id, V);
    op.close();
    // Everything stored agrees with itself again…
    expect((await verifyChain(host.store, V, { nodes: true })).ok).toBe(true);
    // …but not with what was signed, nor with what the township recorded.
    const report = await auditVerify(host);
    expect(report.code).toBe(1);
    expect(report.out).toMatch(/yangjia：记录与第 \d+ 条处签名的历史对不上——签名之后有记录被改写/);
    expect(report.out).toMatch(/yangjia：镇里审计链第 \d+ 条记下的本村历史（第 \d+ 条）与现在的记录对不上/);
  });

  it('is refused a new signature by the service, which tells the township', async () => {
    const res = await ok(host, 'village', 'history', { villageId: V, from: held.size });
    expect(res).toMatchObject({ rewritten: true, head: null });
    const inbox = await ok(host, 'identity', 'inbox', {}, 'township-discipline');
    expect(inbox.messages.map((m: { text: string }) => m.text)).toContain(
      `杨家村的历史记录与此前签名的记录（第 ${held.size} 条）对不上：有人改动过已有的记录。请镇纪委核查。`,
    );
  });

  it('is caught by a phone that kept an earlier head even once the signed checkpoints are deleted too', async () => {
    const op = new Operator(host.dbFile);
    op.remove('audit_checkpoints', `json_extract(data, '$.scope') = ?`, V);
    op.remove('audit_alarms', '1 = 1');
    op.close();
    // The service, with nothing signed left to compare, signs what the database now says…
    const res = await ok(host, 'village', 'history', { villageId: V, from: held.size });
    expect(res.rewritten).toBe(false);
    expect(res.head.size).toBe(held.size);
    // …and the phone, holding its earlier head, finds the same size with another root.
    expect(res.head.root).not.toBe(held.root);
    expect(verifyExtends(held.size, res.head.size, held.root, res.head.root, res.proof)).toBe(false);
    // Its report is checked (the head is really ours, and the log really no longer gives it) and recorded.
    expect(await ok(host, 'village', 'historyAlarm', { villageId: V, held })).toEqual({ reported: true });
    const alarms = await host.store.collection(AUDIT).count({ scope: 'township:huangsheng', action: 'audit.historyAlarm' });
    expect(alarms).toBeGreaterThanOrEqual(2);
    // A made-up head is not taken as evidence.
    const forged = { ...held, root: 'ab'.repeat(32) };
    const refused = await host.call('village', 'historyAlarm', { villageId: V, held: forged });
    expect(refused.body.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('what 校验 and audit:verify used to miss', () => {
  const host = functionsHost();

  it('catches a correction deleted and publishedVersion reset', async () => {
    expect((await auditVerify(host)).code).toBe(0);
    const op = new Operator(host.dbFile);
    const [v2] = op.rows<{ itemKey: string; version: number }>(
      'disclosure_versions',
      `json_extract(data, '$.villageId') = ? AND json_extract(data, '$.version') = 2`,
      V,
    );
    op.remove('disclosure_versions', 'id = ?', v2._id);
    const [item] = op.rows<Record<string, unknown>>('disclosure_items', 'id = ?', v2.itemKey);
    op.put('disclosure_items', { ...item, publishedVersion: 1 });
    op.close();
    const report = await auditVerify(host);
    expect(report.code).toBe(1);
    expect(report.out).toContain(`${v2.itemKey.replace(/:v\d+$/, '')}:v2，但这一版不见了`);
  });

  it('catches a changed correction reason, approval time or title in 校验', async () => {
    const op = new Operator(host.dbFile);
    const [v] = op.rows<Record<string, unknown> & { itemKey: string; version: number }>(
      'disclosure_versions',
      `json_extract(data, '$.villageId') = ? AND json_extract(data, '$.version') = 1`,
      'dajiang',
    );
    const ref = { villageId: 'dajiang', quarter: String(v.itemKey.split(':')[1]), itemId: v.itemKey.split(':').slice(2).join(':') };
    expect((await ok(host, 'disclosure', 'verify', ref)).holds).toBe(true);
    for (const change of [{ approvedAt: '2026-01-01T00:00:00.000Z' }, { title: `${v.title}（已核实）` }, { reason: '无' }]) {
      op.put('disclosure_versions', { ...v, ...change });
      const seen = await ok(host, 'disclosure', 'verify', ref);
      expect(seen).toMatchObject({ holds: false, contentIntact: false });
    }
    op.put('disclosure_versions', v);
    op.close();
    expect((await ok(host, 'disclosure', 'verify', ref)).holds).toBe(true);
  });

  it('catches an attachment file replaced on storage', async () => {
    const cadre = 'diquan-secretary';
    const up = await ok(host, 'disclosure', 'upload', { villageId: 'diquan', name: '签字表.png', dataBase64: PLAIN_PNG.toString('base64') }, cadre);
    const ref = { villageId: 'diquan', quarter: '2026Q4', itemId: 'adhoc-冬季取暖补助' };
    await ok(
      host,
      'disclosure',
      'saveDraft',
      { ...ref, title: '冬季取暖补助', category: '村务', body: [{ type: 'paragraph', text: '补助名单见附件。' }], attachments: [up.id] },
      cadre,
    );
    await ok(host, 'disclosure', 'submit', ref, cadre);
    await ok(host, 'disclosure', 'review', { ...ref, decision: 'approve' }, 'diquan-supervisor');
    expect(await ok(host, 'disclosure', 'verify', ref)).toMatchObject({ holds: true, attachmentsIntact: true });
    writeFileSync(join(resolve(host.dbFile, '..'), 'files', 'disclosure', 'diquan', `${up.id}.png`), Buffer.concat([PLAIN_PNG, Buffer.from('tampered')]));
    const seen = await ok(host, 'disclosure', 'verify', ref);
    expect(seen).toMatchObject({ holds: false, attachmentsIntact: false, contentIntact: true });
    expect(seen.problems).toEqual(['附件“签字表.png”的文件被改动过']);
    expect((await auditVerify(host)).out).toContain('附件“签字表.png”的文件被改动过');
  });
});
