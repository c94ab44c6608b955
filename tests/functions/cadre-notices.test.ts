import { functionsHost } from '../helpers/host';

/**
 * The three events that wait on a cadre and had no message until now: a 质询 waiting on the 会计,
 * a draft the 监委会 returned, a proposal reaching the 两委 for 商议. Each one lands in the right
 * person's inbox and is handed to the Notifier (locally the dev_outbox) for a WeChat message.
 * The host runs on its pinned clock (2026-11-23); nothing here reads the machine's date.
 */
const host = functionsHost();

const openidOf = (persona: string) => `dev-openid-${persona}`;

async function ok(fn: string, action: string, data: unknown, persona: string) {
  const res = await host.call(fn, action, data, persona);
  if (!res.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

async function inbox(persona: string): Promise<{ text: string; link?: string; at: string }[]> {
  return (await ok('identity', 'inbox', {}, persona)).messages;
}

async function sent(kind: string): Promise<{ openids: string[]; page: string; fields: Record<string, string> }[]> {
  return host.store
    .collection<{ _id: string; openids: string[]; page: string; fields: Record<string, string> }>('dev_outbox')
    .find({ where: { kind }, limit: 50 });
}

describe('a 质询 on the books (ledger.queried)', () => {
  it('tells the 会计 which month and row wait for an answer, and not who asked', async () => {
    const v = 'yangjia';
    // October is open and empty in the demo books; one row, closed so the panel can go through it.
    const sep = await ok('finance', 'month', { villageId: v, month: '2026-09' }, `${v}-accountant`);
    await ok(
      'finance',
      'addRow',
      { villageId: v, date: '2026-10-12', accountId: 'huangsheng:out-3', amountFen: 12800, counterparty: '沾化区文印社', summary: '购买打印纸', handler: '' },
      `${v}-accountant`,
    );
    await ok('finance', 'closeMonth', { villageId: v, month: '2026-10', declaredClosingFen: sep.declaredClosingFen - 12800 }, `${v}-accountant`);
    const [row] = (await ok('finance', 'month', { villageId: v, month: '2026-10' }, `${v}-finance`)).rows;

    await ok('finance', 'queryRow', { villageId: v, rowId: row.id, reason: '打印纸一个月用这么多？' }, `${v}-finance`);

    const [told] = await inbox(`${v}-accountant`);
    expect(told).toMatchObject({
      text: '2026年10月的账有一笔被质询：2026-10-12“购买打印纸”。请到“记账与月结”答复，答复后才能签字公示。',
      link: `/packages/cadre/ledger/index?villageId=${v}&month=2026-10`,
    });
    const [notice] = await sent('ledger.queried');
    expect(notice).toMatchObject({
      openids: [openidOf(`${v}-accountant`)],
      page: `packages/cadre/ledger/index?villageId=${v}&month=2026-10`,
      fields: { title: '2026年10月账目质询待答复', village: '杨家村', date: '2026-11-23' },
    });
    // Neither the message nor the notice names the panel member who asked.
    const [asker] = await host.store.collection<{ _id: string; name: string }>('people').find({ where: { boundOpenid: openidOf(`${v}-finance`) }, limit: 1 });
    expect(asker.name).toBeTruthy();
    for (const text of [told.text, JSON.stringify(notice)]) {
      expect(text).not.toContain('民主理财');
      expect(text).not.toContain(asker.name);
    }
    // The one who asked and the 书记 are not told of their own query.
    expect((await inbox(`${v}-finance`)).some((m) => m.text.includes('被质询'))).toBe(false);
    expect((await inbox(`${v}-secretary`)).some((m) => m.text.includes('被质询'))).toBe(false);
  });
});

describe('a draft the 监委会 returns (disclosure.returned)', () => {
  it('tells the cadre who wrote it and the 书记, with the reason, and not the reviewer', async () => {
    const v = 'doufuli';
    const ref = { villageId: v, quarter: '2026Q4', itemId: 'huangsheng:1-3' };
    await ok(
      'disclosure',
      'saveDraft',
      { ...ref, title: '党费收缴', body: [{ type: 'paragraph', text: '本季度收缴党费 1,200 元。' }], amountFen: 120000 },
      `${v}-accountant`,
    );
    await ok('disclosure', 'submit', ref, `${v}-accountant`);
    const before = (await sent('disclosure.returned')).length;

    await ok('disclosure', 'review', { ...ref, decision: 'return', reason: '请写明使用去向' }, `${v}-supervisor`);

    const text = '村务监督委员会退回了2026年第四季度的“党费收缴”，原因：请写明使用去向。请修改后重新提交审核。';
    const link = `/packages/cadre/disclose/index?villageId=${v}&quarter=2026Q4`;
    for (const who of ['accountant', 'secretary']) expect((await inbox(`${v}-${who}`))[0]).toMatchObject({ text, link });
    expect((await inbox(`${v}-supervisor`)).some((m) => m.text === text)).toBe(false);
    expect((await inbox(`${v}-director`)).some((m) => m.text === text)).toBe(false);
    const notices = await sent('disclosure.returned');
    expect(notices).toHaveLength(before + 1);
    expect(notices[notices.length - 1]).toMatchObject({ page: link.slice(1), fields: { title: '“党费收缴”被退回', village: '豆腐李村' } });
    expect([...notices[notices.length - 1].openids].sort()).toEqual([openidOf(`${v}-accountant`), openidOf(`${v}-secretary`)].sort());
  });
});

describe('a proposal reaching 商议 (matter.proposed)', () => {
  it('tells the other 两委 members when the 书记 proposes, and not the 书记', async () => {
    const v = 'dajiang';
    const m = await ok(
      'matters',
      'propose',
      { villageId: v, title: '修建村西排水渠', summary: '村西低洼处雨后积水，提议修建排水渠 300 米。', decisionBody: 'representatives' },
      `${v}-secretary`,
    );
    expect(m).toMatchObject({ stage: '商议' });

    const text = '议题“修建村西排水渠”已提交村两委商议。请召开两委联席会议，由书记或主任在“一事一议”里记录商议结果。';
    const link = `/packages/cadre/matters/index?villageId=${v}&matterId=${m.id}`;
    for (const who of ['director', 'accountant']) expect((await inbox(`${v}-${who}`))[0]).toMatchObject({ text, link });
    expect((await inbox(`${v}-secretary`)).some((x) => x.text === text)).toBe(false);
    const notice = (await sent('matter.proposed')).find((n) => n.page === link.slice(1));
    expect(notice?.fields).toMatchObject({ title: '待商议：修建村西排水渠', village: expect.any(String) });
    expect([...(notice?.openids ?? [])].sort()).toEqual([openidOf(`${v}-accountant`), openidOf(`${v}-director`)].sort());
  });

  it('tells every 两委 member when villagers’ co-signatures carry a proposal there, naming no signer', async () => {
    const v = 'diquan';
    let m = await ok(
      'matters',
      'propose',
      { villageId: v, title: '安装村内路灯', summary: '村内主路晚上没有照明，提议安装路灯 20 盏。', decisionBody: 'villagers' },
      `${v}-villager`,
    );
    const signers = ['supervisor', 'supervisor-member', 'finance', 'director', 'accountant', 'secretary'].map((k) => `${v}-${k}`);
    for (const s of signers) {
      if (m.stage === '商议') break;
      m = await ok('matters', 'cosign', { villageId: v, matterId: m.id }, s);
    }
    expect(m).toMatchObject({ status: 'active', stage: '商议' });

    const link = `/packages/cadre/matters/index?villageId=${v}&matterId=${m.id}`;
    const notice = (await sent('matter.proposed')).find((n) => n.page === link.slice(1));
    expect([...(notice?.openids ?? [])].sort()).toEqual(['accountant', 'director', 'secretary'].map((k) => openidOf(`${v}-${k}`)).sort());
    const [told] = await inbox(`${v}-secretary`);
    expect(told).toMatchObject({ link, text: expect.stringContaining('安装村内路灯') });
    expect(told.text).not.toMatch(/联名|村民/);
  });
});
