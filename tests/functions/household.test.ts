import { ageOn, sealAgeFacts } from '../../cloudfunctions/core/people/model';
import type { PersonDoc } from '../../cloudfunctions/core/shared/records';
import { functionsHost, TEST_ID_KEY } from '../helpers/host';
import { personLike } from '../helpers/people';

const host = functionsHost();

const V = 'yangjia';
const VILLAGER = 'yangjia-villager'; // 杨德福, household Y001
const NEIGHBOUR = 'yangjia-accountant'; // another household of 杨家村
const CADRE = 'yangjia-secretary'; // 两委, not the 监委会
const SUP = 'yangjia-supervisor';
const SUBSIDY = 'huangsheng:2-3'; // 惠农补贴与各类补助发放
const LOW_INCOME = 'huangsheng:2-2'; // 低保特困救助评定与发放
const COMPENSATION = 'huangsheng:2-4'; // 宅基地审批、征地补偿与村级工程项目

let defu: PersonDoc;
let namesake: PersonDoc;
const SPOUSE_ID = 'yangjia:test-spouse';
const SPOUSE_MASK = '3716**********2026';

/** Draft, submit, review, publish: the real actions. A published item is corrected as a new version, with a reason. */
async function publish(quarter: string, itemId: string, title: string, table: { columns: string[]; rows: string[][] }, reason?: string) {
  const ref = { villageId: V, quarter, itemId };
  await host.ok(
    'disclosure',
    'saveDraft',
    {
      ...ref,
      title,
      body: [
        { type: 'paragraph', text: `${title}如下。` },
        { type: 'table', ...table },
      ],
    },
    CADRE,
  );
  await host.ok('disclosure', 'submit', { ...ref, ...(reason ? { reason } : {}) }, CADRE);
  const done = await host.ok('disclosure', 'review', { ...ref, decision: 'approve' }, SUP);
  expect(done.state).toBe('published');
  return done.publishedVersion as number;
}

const entryKeys = (view: { entries: { quarter: string; itemId: string; version: number; member: string }[] }) =>
  view.entries.map((e) => `${e.quarter} ${e.itemId} v${e.version} ${e.member}`).sort();

beforeAll(async () => {
  const people = host.store.collection<PersonDoc>('people');
  const named = await people.find({ where: { villageId: V, nameKey: '杨德福' } });
  defu = named.find((p) => p.householdNo === 'Y001') as PersonDoc;
  namesake = named.find((p) => p.householdNo !== 'Y001') as PersonDoc;
  expect(defu.boundOpenid).toBeTruthy();
  expect(namesake.idMasked).not.toBe(defu.idMasked);
  // 杨德福's wife, on the roster in his household (not bound to any account).
  await people.set(
    SPOUSE_ID,
    personLike(defu, SPOUSE_ID, {
      name: '杨小红',
      nameKey: '杨小红',
      idHash: 'test-spouse',
      idMasked: SPOUSE_MASK,
      relation: '配偶',
      isHouseholdHead: false,
      gender: '女',
      boundOpenid: null,
      assignedRoles: [],
      phoneMasked: null,
    }),
  );
});

describe('我家: what concerns my household', () => {
  let before: string[];

  it('shows a household every published entry naming its members: three lists over two quarters', async () => {
    before = entryKeys(await host.ok('household', 'mine', { villageId: V }, VILLAGER));

    const v1 = await publish('2026Q4', SUBSIDY, '2026年第四季度耕地地力保护补贴发放', {
      columns: ['户主', '身份证号', '面积（亩）', '金额（元）', '发放日期'],
      rows: [
        ['杨德福', defu.idMasked, '3.20', '456.10', '2026-11-10'],
        // The other 杨德福 (another household): his masked ID differs, so he is not this household.
        ['杨德福', namesake.idMasked, '2.00', '285.00', '2026-11-10'],
        ['杨秀梅', '3716**********103X', '5.50', '778.40', '2026-11-10'],
      ],
    });
    await publish('2026Q4', LOW_INCOME, '2026年第四季度临时救助发放', {
      columns: ['救助对象', '身份证号', '救助金（元）'],
      rows: [['杨小红', SPOUSE_MASK, '800.00']],
    });
    // 2026Q3 is out already: the list is corrected, and the household is read from the version in force.
    const v3 = await publish(
      '2026Q3',
      COMPENSATION,
      '2026年第三季度征地补偿发放（更正）',
      {
        columns: ['户主', '身份证号', '补偿金额（元）'],
        rows: [
          ['杨小红', SPOUSE_MASK, '12,345.00'],
          ['杨振华', '3716**********2013', '6,000.00'],
        ],
      },
      '补上漏登的一户',
    );
    expect(v1).toBe(1);
    expect(v3).toBeGreaterThan(1);

    const view = await host.ok('household', 'mine', { villageId: V }, VILLAGER);
    expect(view.viewer).toBe('member');
    expect(view.members.map((m: { name: string }) => m.name)).toEqual(['杨德福', '杨小红']);
    const added = entryKeys(view).filter((k) => !before.includes(k));
    expect(added).toEqual([`2026Q3 ${COMPENSATION} v${v3} 杨小红`, `2026Q4 ${LOW_INCOME} v1 杨小红`, `2026Q4 ${SUBSIDY} v1 杨德福`].sort());
    // Exactly those: the other 杨德福's row is nowhere, and nothing else of these lists.
    expect(view.entries.filter((e: { itemId: string; quarter: string }) => e.quarter === '2026Q4')).toHaveLength(2);
    expect(JSON.stringify(view.entries)).not.toContain('285.00');

    const subsidy = view.entries.find((e: { itemId: string }) => e.itemId === SUBSIDY);
    expect(subsidy).toMatchObject({
      title: '2026年第四季度耕地地力保护补贴发放',
      quarterLabel: '2026年第四季度',
      certain: true,
      link: `/pages/item/index?villageId=${V}&quarter=2026Q4&itemId=${encodeURIComponent(SUBSIDY)}&version=1`,
    });
    expect(subsidy.cells).toEqual([
      { column: '户主', text: '杨德福', kind: 'name' },
      { column: '身份证号', text: defu.idMasked, kind: 'id' },
      { column: '面积（亩）', text: '3.20', kind: 'other' },
      { column: '金额（元）', text: '456.10', kind: 'amount' },
      { column: '发放日期', text: '2026-11-10', kind: 'date' },
    ]);
    const compensation = view.entries.find((e: { itemId: string; quarter: string }) => e.itemId === COMPENSATION && e.quarter === '2026Q3');
    expect(compensation.version).toBe(v3);
    expect(compensation.link).toContain(`&version=${v3}`);
    // Newest quarter first.
    expect(view.entries.map((e: { quarter: string }) => e.quarter)).toEqual([...view.entries.map((e: { quarter: string }) => e.quarter)].sort().reverse());
  });

  it('shows a neighbour none of them, and refuses them another household', async () => {
    const theirs = await host.ok('household', 'mine', { villageId: V }, NEIGHBOUR);
    expect(theirs.members.map((m: { name: string }) => m.name)).not.toContain('杨德福');
    const text = JSON.stringify(theirs.entries);
    for (const amount of ['456.10', '800.00', '12,345.00']) expect(text).not.toContain(amount);

    const audit = await host.store.collection('audit').count();
    for (const who of [NEIGHBOUR, CADRE, 'dajiang-villager', 'township-discipline', undefined]) {
      const res = await host.call('household', 'inspect', { villageId: V, personId: defu._id, reason: '想看看邻居家的补贴' }, who);
      expect({ who, code: res.body.error?.code }).toEqual({ who, code: who ? 'PERMISSION_DENIED' : 'UNAUTHENTICATED' });
    }
    const visitor = await host.call('household', 'mine', { villageId: V });
    expect(visitor.body.error.code).toBe('UNAUTHENTICATED');
    expect(await host.store.collection('audit').count()).toBe(audit);
  });

  it('lets the 监委会 look with a reason: recorded on the audit chain and told to the household', async () => {
    const short = await host.call('household', 'inspect', { villageId: V, personId: SPOUSE_ID, reason: '看' }, SUP);
    expect(short.body.error.code).toBe('INVALID_ARGUMENT');

    const inboxBefore = await host.ok('identity', 'inbox', {}, VILLAGER);
    const view = await host.ok('household', 'inspect', { villageId: V, personId: SPOUSE_ID, reason: '核对村民对征地补偿的投诉' }, SUP);
    expect(view.viewer).toBe('supervisor');
    expect(entryKeys(view)).toEqual(entryKeys(await host.ok('household', 'mine', { villageId: V }, VILLAGER)));

    const log = await host.ok('identity', 'auditList', { villageId: V }, SUP);
    const record = log.entries.find((r: { action: string }) => r.action === 'household.inspect');
    expect(record).toMatchObject({ target: 'household:Y001' });

    const inbox = await host.ok('identity', 'inbox', {}, VILLAGER);
    expect(JSON.stringify(inbox)).toContain('核对村民对征地补偿的投诉');
    expect(JSON.stringify(inboxBefore)).not.toContain('核对村民对征地补偿的投诉');
  });

  it('does not take the namesake for the villager: his own household sees his row only', async () => {
    const his = await host.ok('household', 'inspect', { villageId: V, personId: namesake._id, reason: '核对同名村民的补贴' }, SUP);
    const rows = his.entries.filter((e: { itemId: string; quarter: string }) => e.quarter === '2026Q4' && e.itemId === SUBSIDY);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells.find((c: { kind: string }) => c.kind === 'amount').text).toBe('285.00');
    expect(JSON.stringify(his.entries)).not.toContain('456.10');
  });
});

describe('我家: the household’s 筹资筹劳 share', () => {
  /** A member of 杨德福's household with their own age facts (sealed to their id, as the roster keeps them). */
  let added = 0;
  async function addMember(suffix: string, name: string, birthMonth: string, fields: Partial<PersonDoc> = {}) {
    const id = `yangjia:test-${suffix}`;
    added += 1;
    const [y, m] = birthMonth.split('-');
    const doc = personLike(defu, id, {
      name,
      nameKey: name,
      idHash: `test-${suffix}`,
      idMasked: `3716**********90${added}1`,
      relation: '子女',
      isHouseholdHead: false,
      boundOpenid: null,
      assignedRoles: [],
      phoneMasked: null,
      ...fields,
    });
    await host.store
      .collection<PersonDoc>('people')
      .set(id, { ...doc, sealed: sealAgeFacts(TEST_ID_KEY, id, { birthMonth, adultOn: `${Number(y) + 18}-${m}-01` }) });
  }

  const shareOf = async (matterId: string) =>
    (await host.ok('household', 'mine', { villageId: V }, VILLAGER)).shares.find((s: { matterId: string }) => s.matterId === matterId);

  it('asks money per adult and labour per working-age adult of this household only, saying who is left out', async () => {
    // 杨德福 (born 1955) and 杨小红 are past working age: they pay but give no labour.
    for (const p of [defu, await host.store.collection<PersonDoc>('people').get(SPOUSE_ID)])
      expect(ageOn(TEST_ID_KEY, p as PersonDoc, '2026-11-23')).toBeGreaterThan(60);
    await addMember('son', '杨建军', '1990-04');
    await addMember('brother', '杨德贵', '1966-11', { relation: '兄弟' }); // 60 on the day: still works
    await addMember('soldier', '杨建兵', '2000-08', { activeSoldier: true });
    await addMember('grandson', '杨小宝', '2012-06', { relation: '孙子' });

    const m = await host.ok(
      'matters',
      'propose',
      {
        villageId: V,
        title: '修建村南排水沟',
        summary: '村南排水沟淤塞，雨季积水，提议清淤并衬砌。',
        decisionBody: 'representatives',
        funding: { project: '村南排水沟', budgetFen: 3_000_000, perPersonFen: 1_500, workdays: 3 },
      },
      CADRE,
    );
    const share = await shareOf(m.id);
    expect(share).toMatchObject({
      title: '修建村南排水沟',
      project: '村南排水沟',
      perPersonFen: 1_500,
      workdays: 3,
      payers: 4,
      shareFen: 6_000,
      labourers: 2,
      shareWorkdays: 6,
      link: `/pages/matters/index?villageId=${V}&matterId=${m.id}`,
    });
    expect([...share.exempt].sort()).toEqual(['未满18周岁不筹', '现役军人免除'].sort());
    // The village's plan counts every household; this household's share is a part of it.
    expect(m.funding.raisedFen).toBeGreaterThan(share.shareFen);

    // A neighbour's share is their own household's, not this one's.
    const theirs = (await host.ok('household', 'mine', { villageId: V }, NEIGHBOUR)).shares.find((s: { matterId: string }) => s.matterId === m.id);
    expect(theirs.shareFen).toBe(1_500);

    // Once the household is on 低保, it pays nothing and still gives its labour.
    await host.store.collection<PersonDoc>('people').update('yangjia:test-grandson', { lowIncome: true });
    expect(await shareOf(m.id)).toMatchObject({ payers: 0, shareFen: 0, labourers: 2, shareWorkdays: 6 });
    expect((await shareOf(m.id)).exempt).toContain('低保户免交筹资');
  });
});
