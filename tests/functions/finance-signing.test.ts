import { AUDIT } from '../../cloudfunctions/core/audit/chain';
import { C } from '../../cloudfunctions/core/collections';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { PERSONAS } from '../../cloudfunctions/host/personas';
import { functionsHost } from '../helpers/host';
import { fenOf, ledgerLines, ledgerXlsx } from '../helpers/ledger-file';
import { storeDigest } from '../helpers/snapshot';

/**
 * The 民主理财小组 signs a month jointly: a majority of the village's group (or one member, as
 * the township sets it) publishes the month. Each demo village has a group of three, signing in
 * as `<village>-finance`, `-finance-2` and `-finance-3`.
 */
const host = functionsHost();

// The test host's clock is 2026-11-23: the demo books are published up to 2026-09, October is open.
const OCT = '2026-10';

async function send(fn: string, action: string, data: unknown, persona?: string) {
  return (await host.send(fn, action, data, persona)).body;
}
async function ok(fn: string, action: string, data: unknown, persona?: string) {
  const res = await send(fn, action, data, persona);
  if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
  return res.data;
}
const month = (v: string, persona: string) => ok('finance', 'month', { villageId: v, month: OCT }, persona);
const audit = async (v: string) => (await ok('identity', 'auditList', { villageId: v }, `${v}-supervisor`)).entries as { action: string; target: string }[];

/** The roster person a persona is, as the store holds them. */
async function personOf(persona: string): Promise<PersonDoc> {
  const p = await host.store.collection<{ _id: string; openid: string; villageId: string }>(PERSONAS).get(persona);
  const [person] = await host.store.collection<PersonDoc>(C.people).find({ where: { villageId: p!.villageId, boundOpenid: p!.openid }, limit: 1 });
  return person;
}

/** The 会计 imports six rows of October and closes it at the balance they add up to. */
async function closeOctober(v: string) {
  const lines = ledgerLines(OCT, 6);
  await ok('finance', 'commitImport', { villageId: v, fileName: '10月.xlsx', fileBase64: await ledgerXlsx(lines) }, `${v}-accountant`);
  const sep = await ok('finance', 'month', { villageId: v, month: '2026-09' });
  await ok(
    'finance',
    'closeMonth',
    { villageId: v, month: OCT, declaredClosingFen: sep.declaredClosingFen + fenOf(lines, '收入') - fenOf(lines, '支出') },
    `${v}-accountant`,
  );
}

const nameOf = async (v: string, persona: string) =>
  (await ok('identity', 'whoami', {}, persona)).villages.find((x: { villageId: string }) => x.villageId === v).name as string;

describe('a 民主理财小组 of three, under the default (majority)', () => {
  const v = 'yangjia';
  let first: string;
  let second: PersonDoc;
  let third: PersonDoc;
  beforeAll(async () => {
    [second, third] = await Promise.all([personOf(`${v}-finance-2`), personOf(`${v}-finance-3`)]);
    first = await nameOf(v, `${v}-finance`);
    await closeOctober(v);
  });

  it('shows the panel and the 会计 that two of three signatures are needed before anyone signs', async () => {
    const seen = await month(v, `${v}-accountant`);
    expect(seen.signing).toMatchObject({
      body: '民主理财小组',
      rule: 'majority',
      members: 3,
      needed: 2,
      signatures: [],
      summary: '已签 0/3；还需 2 人',
      mayISign: false,
    });
    expect((await month(v, `${v}-finance`)).signing).toMatchObject({ mayISign: true, signedByMe: false });
  });

  it('keeps the month closed after the first signature, and shows who signed', async () => {
    const signed = await ok('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance`);
    expect(signed.state).toBe('closed');
    expect(signed.publishedAt).toBeNull();
    expect(signed.signing).toMatchObject({
      signatures: [{ name: first, at: host.clock.now().toISOString() }],
      summary: `已签 1/3：${first}；还需 1 人`,
      signedByMe: true,
    });
    expect((await month(v, `${v}-accountant`)).signing.summary).toBe(`已签 1/3：${first}；还需 1 人`);
    // Not public yet.
    expect((await send('finance', 'month', { villageId: v, month: OCT }, `${v}-villager`)).error.code).toBe('NOT_FOUND');
    expect((await audit(v))[0]).toMatchObject({ action: 'finance.signMonth', target: `month:${v}:${OCT}` });
  });

  it('refuses the same member a second time, politely, and changes nothing', async () => {
    const before = storeDigest(host.store);
    const again = await send('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance`);
    expect(again.error).toEqual({ code: 'CONFLICT', message: `您已经签过字了，不用再签。已签 1/3：${first}；还需 1 人。` });
    expect(storeDigest(host.store)).toBe(before);
  });

  it('refuses everyone outside the group: a villager, the 会计, the 监委会 and another village’s panel', async () => {
    const before = storeDigest(host.store);
    for (const outsider of [`${v}-villager`, `${v}-newcomer`, `${v}-accountant`, `${v}-secretary`, 'dajiang-finance', 'township-admin']) {
      expect([outsider, (await send('finance', 'sign', { villageId: v, month: OCT }, outsider)).error?.code]).toEqual([
        outsider,
        expect.stringMatching(/^(PERMISSION_DENIED|UNAUTHENTICATED)$/),
      ]);
    }
    // The 监委会 supervises the group; it does not sign in its place.
    expect((await send('finance', 'sign', { villageId: v, month: OCT }, `${v}-supervisor`)).error).toEqual({
      code: 'PERMISSION_DENIED',
      message: '本村的月账由民主理财小组（3 人）签字；村务监督委员会可以质询，但不代替小组签字。',
    });
    expect(storeDigest(host.store)).toBe(before);
    expect((await month(v, `${v}-accountant`)).signing.signatures).toHaveLength(1);
  });

  it('voids the signatures when the 会计 reopens the month, and tells whoever had signed', async () => {
    await ok('finance', 'reopenMonth', { villageId: v, month: OCT, reason: '漏记一笔利息收入' }, `${v}-accountant`);
    expect((await month(v, `${v}-accountant`)).signing).toMatchObject({ signatures: [], summary: '已签 0/3；还需 2 人' });
    const inbox = (await ok('identity', 'inbox', {}, `${v}-finance`)).messages;
    expect(inbox[0]).toMatchObject({ text: '2026年10月的账被会计重新打开（漏记一笔利息收入），您的签字已作废。会计改好重新结账后，请再审核签字。' });
    const sep = await ok('finance', 'month', { villageId: v, month: '2026-09' });
    const oct = await month(v, `${v}-accountant`);
    await ok(
      'finance',
      'closeMonth',
      { villageId: v, month: OCT, declaredClosingFen: sep.declaredClosingFen + oct.incomeFen - oct.expenseFen },
      `${v}-accountant`,
    );
  });

  it('publishes on the signature that makes a majority, and tells the 会计 and the 书记', async () => {
    host.clock.advance(60_000);
    const one = await ok('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance-2`);
    expect(one.state).toBe('closed');
    host.clock.advance(60_000);
    const two = await ok('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance-3`);
    expect(two.state).toBe('published');
    expect(two.signing).toMatchObject({ members: 3, needed: 2, summary: `已签 2/3：${second.name}、${third.name}` });
    // Now public, signatures and all.
    expect((await month(v, `${v}-villager`)).signing.summary).toBe(`已签 2/3：${second.name}、${third.name}`);
    expect((await audit(v)).filter((e) => e.action === 'finance.publishMonth' && e.target === `month:${v}:${OCT}`)).toHaveLength(1);
    for (const who of [`${v}-accountant`, `${v}-secretary`]) {
      const told = (await ok('identity', 'inbox', {}, who)).messages[0];
      expect(told).toMatchObject({
        text: `2026年10月的账已由民主理财小组${second.name}、${third.name}签字，向村民公示了。`,
        link: `/packages/supervise/ledger-review/index?villageId=${v}&month=${OCT}`,
      });
    }
    // The third member is too late: the month is published.
    expect((await send('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance`)).error).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '这个月已经签字公示了。',
    });
  });
});

describe('two members signing at the same moment', () => {
  const v = 'doufuli';
  beforeAll(async () => {
    // The demo leaves 豆腐李村's September with one signature of three: a second publishes it,
    // and October can be closed on it.
    expect((await ok('finance', 'sign', { villageId: v, month: '2026-09' }, `${v}-finance-3`)).state).toBe('published');
    await closeOctober(v);
  });

  it('publish the month once, with both signatures recorded', async () => {
    const [a, b] = await Promise.all([
      send('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance`),
      send('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance-2`),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const m = await month(v, `${v}-accountant`);
    expect(m.state).toBe('published');
    expect(m.signing.signatures).toHaveLength(2);
    expect(m.signing.summary).toMatch(/^已签 2\/3：\S+、\S+$/);
    const entries = (await audit(v)).filter((e) => e.target === `month:${v}:${OCT}`);
    expect(entries.map((e) => e.action).filter((x) => x !== 'finance.closeMonth')).toEqual(['finance.publishMonth', 'finance.signMonth']);
    // The quarter's totals took the month once.
    const q = await ok('finance', 'report', { villageId: v, period: '2026Q4' });
    expect(q.months).toEqual([OCT]);
    expect(q.incomeFen).toBe(m.incomeFen);
  });
});

describe('a village with no 民主理财小组', () => {
  const v = 'dajiang';
  beforeAll(async () => {
    for (const key of ['finance', 'finance-2', 'finance-3']) {
      await ok(
        'identity',
        'assignRole',
        { villageId: v, personId: (await personOf(`${v}-${key}`))._id, role: 'finance_panel', granted: false },
        'township-admin',
      );
    }
    await closeOctober(v);
  });

  it('is signed by its 监委会 in the group’s place, under the same rule', async () => {
    const waiting = await ok('finance', 'sign', { villageId: v, month: OCT }, `${v}-supervisor`);
    expect(waiting.state).toBe('closed');
    expect(waiting.signing).toMatchObject({ body: '村务监督委员会', members: 2, needed: 2 });
    expect((await send('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance`)).error.code).toBe('PERMISSION_DENIED');
    expect((await ok('finance', 'sign', { villageId: v, month: OCT }, `${v}-supervisor-member`)).state).toBe('published');
  });
});

describe('the township setting', () => {
  const v = 'diquan';
  beforeAll(async () => {
    await closeOctober(v);
  });

  it('is seen by township staff and changed only by the 镇管理员, audited', async () => {
    expect(await ok('village', 'settings', { townshipId: 'huangsheng' }, 'township-discipline')).toMatchObject({
      townshipName: expect.any(String),
      ledgerSignatures: 'majority',
    });
    expect((await send('village', 'updateSettings', { townshipId: 'huangsheng', ledgerSignatures: 'one' }, 'township-discipline')).error.code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await send('village', 'updateSettings', { townshipId: 'huangsheng', ledgerSignatures: 'all' }, 'township-admin')).error.code).toBe(
      'INVALID_ARGUMENT',
    );
    const set = await ok('village', 'updateSettings', { townshipId: 'huangsheng', ledgerSignatures: 'one' }, 'township-admin');
    expect(set.ledgerSignatures).toBe('one');
    const log = await host.store
      .collection<{ _id: string; action: string }>(AUDIT)
      .find({ where: { scope: 'township:huangsheng' }, orderBy: [['seq', 'desc']], limit: 1 });
    expect(log[0]?.action).toBe('township.updateSettings');
  });

  it('“one” publishes a month on its first signature', async () => {
    expect((await month(v, `${v}-accountant`)).signing).toMatchObject({ rule: 'one', members: 3, needed: 1, summary: '已签 0/3；还需 1 人' });
    const signed = await ok('finance', 'sign', { villageId: v, month: OCT }, `${v}-finance-3`);
    expect(signed.state).toBe('published');
    expect(signed.signing.signatures).toHaveLength(1);
  });
});
