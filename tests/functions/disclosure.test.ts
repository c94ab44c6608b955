import { verifyChain } from '../../cloudfunctions/core/audit/chain';
import { functionsHost } from '../helpers/host';
import { storeDigest } from '../helpers/snapshot';

const host = functionsHost();

const Q = '2026Q4';
const SUBSIDY = 'huangsheng:2-3'; // 惠农补贴与各类补助发放
const PARTY = 'huangsheng:1-3'; // 党费收缴与使用
const ref = (itemId: string) => ({ villageId: 'yangjia', quarter: Q, itemId });

const subsidyList = {
  title: '2026年第四季度耕地地力保护补贴发放',
  body: [
    { type: 'paragraph', text: '本季度共发放耕地地力保护补贴 3 户，合计 1,234.50 元。' },
    {
      type: 'table',
      columns: ['户主', '身份证号', '金额（元）'],
      rows: [
        ['杨德福', '3716**********1015', '456.10'],
        ['杨秀梅', '3716**********103X', '778.40'],
      ],
    },
  ],
  amountFen: 123450,
};

describe('一季一晒: draft, review, publish, correct', () => {
  it('walks two items from draft to publication, with one returned and fixed on the way', async () => {
    const cadre = 'yangjia-secretary';
    const sup = 'yangjia-supervisor';
    expect((await host.call('disclosure', 'saveDraft', { ...ref(SUBSIDY), ...subsidyList }, cadre)).body.data.state).toBe('draft');
    expect(
      (
        await host.call(
          'disclosure',
          'saveDraft',
          { ...ref(PARTY), title: '党费收缴', body: [{ type: 'paragraph', text: '本季度收缴党费 1,860 元。' }], amountFen: 186000 },
          cadre,
        )
      ).body.ok,
    ).toBe(true);

    // Drafts are private: the public sees nothing yet.
    expect((await host.call('disclosure', 'quarter', { villageId: 'yangjia', quarter: Q })).body.data.completeness).toMatchObject({
      required: 24,
      published: 0,
      pending: 24,
    });
    expect((await host.call('disclosure', 'item', ref(SUBSIDY))).body.error.code).toBe('NOT_FOUND');
    expect((await host.call('disclosure', 'drafts', { villageId: 'yangjia', quarter: Q }, 'yangjia-villager')).body.error.code).toBe('PERMISSION_DENIED');

    for (const id of [SUBSIDY, PARTY]) expect((await host.call('disclosure', 'submit', ref(id), cadre)).body.data.state).toBe('submitted');
    const returned = await host.call('disclosure', 'review', { ...ref(PARTY), decision: 'return', reason: '请写明使用去向' }, sup);
    expect(returned.body.data).toMatchObject({ state: 'returned', returnReason: '请写明使用去向' });
    expect((await host.call('disclosure', 'review', { ...ref(SUBSIDY), decision: 'approve' }, sup)).body.data.state).toBe('published');

    await host.call(
      'disclosure',
      'saveDraft',
      { ...ref(PARTY), title: '党费收缴与使用', body: [{ type: 'paragraph', text: '收缴 1,860 元，上缴镇党委 1,860 元。' }], amountFen: 186000 },
      cadre,
    );
    await host.call('disclosure', 'submit', ref(PARTY), cadre);
    expect((await host.call('disclosure', 'review', { ...ref(PARTY), decision: 'approve' }, sup)).body.data.state).toBe('published');

    const quarter = await host.call('disclosure', 'quarter', { villageId: 'yangjia', quarter: Q });
    expect(quarter.body.data.completeness).toEqual({ required: 24, published: 2, late: 0, missing: 0, pending: 22 });
    // Out before the quarter ended: the home keeps the quarter being reported (all 24 out) as
    // its main card and shows this one beside it.
    const home = (await host.call('village', 'get', { villageId: 'yangjia' })).body.data;
    expect(home.quarter).toMatchObject({ key: '2026Q3', publishedCount: 24 });
    expect(home.moreQuarters).toHaveLength(1);
    expect(home.moreQuarters[0]).toMatchObject({ key: Q, publishedCount: 2, adhocCount: 0 });
  });

  it('publishes a correction as version 2 with its reason, keeping version 1 readable', async () => {
    const fixed = { ...subsidyList, body: [{ type: 'paragraph', text: '更正：合计 1,234.60 元。' }], amountFen: 123460 };
    await host.call('disclosure', 'saveDraft', { ...ref(SUBSIDY), ...fixed }, 'yangjia-accountant');
    const noReason = await host.call('disclosure', 'submit', ref(SUBSIDY), 'yangjia-accountant');
    expect(noReason.body.error.code).toBe('INVALID_ARGUMENT');
    // While the correction waits, villagers still read version 1.
    expect((await host.call('disclosure', 'item', ref(SUBSIDY))).body.data.latest.version).toBe(1);
    await host.call('disclosure', 'submit', { ...ref(SUBSIDY), reason: '杨秀梅的补贴金额录入少了 0.10 元' }, 'yangjia-accountant');
    await host.call('disclosure', 'review', { ...ref(SUBSIDY), decision: 'approve' }, 'yangjia-supervisor');

    const item = await host.call('disclosure', 'item', ref(SUBSIDY));
    expect(item.body.data.latest).toMatchObject({ version: 2, amountFen: 123460, reason: '杨秀梅的补贴金额录入少了 0.10 元', approvedBy: '监委会主任 杨树林' });
    expect(item.body.data.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const v1 = await host.call('disclosure', 'item', { ...ref(SUBSIDY), version: 1 });
    expect(v1.body.data.latest).toMatchObject({ version: 1, amountFen: 123450, reason: null });
    expect((await verifyChain(host.store, 'yangjia')).ok).toBe(true);
  });

  it('refuses bad drafts without writing anything', async () => {
    const before = storeDigest(host.store);
    const cases = [
      { ...ref(PARTY), title: '金额', body: [{ type: 'paragraph', text: 'x' }], amountFen: 12.5 },
      { ...ref(PARTY), title: '金额', body: [{ type: 'paragraph', text: 'x' }], amountFen: -1 },
      { ...ref(PARTY), title: '表格', body: [{ type: 'table', columns: ['a', 'b'], rows: [['1']] }] },
      { ...ref(PARTY), title: 'HTML', body: [{ type: 'html', html: '<script>' }] },
      { ...ref('adhoc-道路硬化'), title: '专项', body: [{ type: 'paragraph', text: 'x' }] },
      { ...ref('huangsheng:9-9'), title: '不存在', body: [{ type: 'paragraph', text: 'x' }] },
    ];
    for (const c of cases) {
      const res = await host.call('disclosure', 'saveDraft', c, 'yangjia-secretary');
      expect(res.body.ok).toBe(false);
      expect(['INVALID_ARGUMENT', 'NOT_FOUND']).toContain(res.body.error.code);
    }
    expect(storeDigest(host.store)).toBe(before);
  });

  it('takes an ad hoc 专项公开 with its category', async () => {
    const res = await host.call(
      'disclosure',
      'saveDraft',
      {
        ...ref('adhoc-道路硬化'),
        category: '村务',
        title: '村内道路硬化工程',
        body: [{ type: 'paragraph', text: '工程总价 86,000 元。' }],
        amountFen: 8600000,
      },
      'yangjia-secretary',
    );
    expect(res.body.data).toMatchObject({ category: '村务', state: 'draft' });
  });
});
