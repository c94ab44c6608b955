import { quarterKey, quarterLabel, shiftQuarterKey } from '../core/shared/time';
import { DEMO_WAREHOUSE } from './demo-assets';
import { demoLandContracts } from './demo-ledger';
import { numbers } from './demo-numbers';
import { byCounterparty, coverage, monthName, NO_BOOKS, rowsOf, sum, yuan, type Maker } from './demo-items-kit';

/** 财务, 债务, 资产 and 资源 items (categories 3 to 6) the demo writes itself; see LEDGER_DRAFTED. */
export const ASSET_ITEMS: Record<string, Maker> = {
  '3-3': (c) => {
    if (!c.books?.months.length) return { title: `${quarterLabel(c.q)}村干部报酬与误工补贴`, body: [{ type: 'paragraph', text: NO_BOOKS }] };
    const posts = ['党支部书记', '村委会主任', '会计'];
    const postOf = (summary: string) => /（(.+)）$/.exec(summary)?.[1] ?? '';
    const paid = byCounterparty(rowsOf(c, (r) => r.account === '干部报酬')).sort((a, b) => posts.indexOf(postOf(a.summary)) - posts.indexOf(postOf(b.summary)));
    const rows = paid.map((p) => [p.name, postOf(p.summary), yuan(p.fen)]);
    return {
      title: `${quarterLabel(c.q)}村干部报酬与误工补贴`,
      body: [
        { type: 'paragraph', text: `按镇核定的标准按月发放，与“村里的钱”中“干部报酬”逐笔一致${coverage(c)}。` },
        { type: 'table', columns: ['姓名', '职务', '季度报酬（元）'], rows },
      ],
      amountFen: sum(paid.map((p) => ({ amountFen: p.fen }))),
    };
  },
  '4-1': (c) => {
    const b = c.books;
    if (!b?.months.length || b.closingFen === null) return { title: `集体资金存量（${quarterLabel(c.q)}）`, body: [{ type: 'paragraph', text: NO_BOOKS }] };
    const last = b.months[b.months.length - 1];
    return {
      title: `集体资金存量（截至${last.slice(0, 4)}年${monthName(last)}底）`,
      body: [
        { type: 'paragraph', text: `即${monthName(last)}签字公示的月末余额${coverage(c)}。村集体资金全部存于农商银行基本账户，不留现金。` },
        {
          type: 'table',
          columns: ['项目', '金额（元）'],
          rows: [
            ['银行存款', yuan(b.closingFen)],
            ['库存现金', '0.00'],
          ],
        },
      ],
      amountFen: b.closingFen,
    };
  },
  '4-2': (c) => {
    if (!c.books?.months.length) return { title: '上级专项资金拨付与使用', body: [{ type: 'paragraph', text: NO_BOOKS }] };
    const grants = rowsOf(c, (r) => r.account === '补助收入');
    return {
      title: '上级专项资金拨付与使用',
      body: [
        { type: 'paragraph', text: `本季度收到上级拨付资金 ${yuan(sum(grants))} 元，均已记入村集体账目${coverage(c)}。` },
        { type: 'table', columns: ['日期', '拨款单位', '用途', '金额（元）'], rows: grants.map((r) => [r.date, r.counterparty, r.summary, yuan(r.amountFen)]) },
      ],
      amountFen: sum(grants),
    };
  },
  '4-3': () => ({
    title: '一事一议筹资筹劳与财政奖补',
    body: [{ type: 'paragraph', text: '本季度没有向村民筹资筹劳，村集体账目中也没有一事一议财政奖补资金收支。一事一议事项的进展见“议事”栏目。' }],
  }),
  '4-4': (c) => {
    // Each quarter opens where the last one closed.
    const at = (key: string) => {
      const n = numbers(`debt:${c.villageId}:${key}`);
      return { owed: n(2, 8) * 100000, owing: n(5, 12) * 100000 };
    };
    const now = at(quarterKey(c.q));
    const before = at(shiftQuarterKey(quarterKey(c.q), -1));
    return {
      title: '债权债务情况',
      body: [
        {
          type: 'table',
          columns: ['项目', '期初（元）', '期末（元）'],
          rows: [
            ['应收款（往年承包费欠款）', yuan(before.owed), yuan(now.owed)],
            ['应付款（往年工程尾款）', yuan(before.owing), yuan(now.owing)],
          ],
        },
      ],
    };
  },
  '5-1': () => ({
    title: '固定资产台账',
    body: [
      {
        type: 'table',
        columns: ['资产名称', '数量', '原值（元）', '状态'],
        rows: [
          ['村委会办公楼', '1 栋', '680000.00', '在用'],
          ['文化广场及健身器材', '1 处', '126000.00', '在用'],
          ['农用机井', '12 眼', '96000.00', '在用'],
          [DEMO_WAREHOUSE, '1 座', '85000.00', '出租'],
        ],
      },
    ],
  }),
  '5-2': (c) => {
    if (!c.books?.months.length) return { title: '资产出租出借与承包收益', body: [{ type: 'paragraph', text: NO_BOOKS }] };
    const rent = rowsOf(c, (r) => r.summary.includes('库房租金'));
    // Named and dated as the 资产台账 and its lease have them, in the form the product's own 5-2 uses.
    const term = c.warehouseLease ? `${c.warehouseLease.startOn} 至 ${c.warehouseLease.endOn}` : '—';
    return {
      title: '资产出租出借与承包收益',
      body: [
        {
          type: 'table',
          columns: ['资产', '承租人', '期限', '本季收益（元）'],
          rows: [[DEMO_WAREHOUSE, rent[0]?.counterparty ?? c.rentTenant, term, yuan(sum(rent))]],
        },
        { type: 'paragraph', text: `租金已记入村集体账目“经营收入”${coverage(c)}。` },
      ],
      amountFen: sum(rent),
    };
  },
  '5-3': () => ({ title: '资产处置与变动', body: [{ type: 'paragraph', text: '本季度无资产处置，资产无变动。' }] }),
  '5-4': () => ({
    title: '经营性资产收益分配',
    body: [{ type: 'paragraph', text: '经营性资产收益纳入集体统一核算，年底按村民代表会议决议分配，本季度无分配。' }],
  }),
  '6-1': (c) => {
    const n = numbers(`resources:${c.villageId}`);
    const contracted = demoLandContracts(c.villageId).reduce((s, x) => s + x.mu, 0);
    return {
      title: '土地、林地、水面等资源台账',
      body: [
        {
          type: 'table',
          columns: ['资源', '面积（亩）', '经营方式'],
          rows: [
            ['集体机动地', String(contracted), '公开发包'],
            ['沟渠坑塘', String(n(10, 40)), '集体管护'],
            ['村北林地', String(n(20, 60)), '集体管护'],
          ],
        },
      ],
    };
  },
  '6-2': (c) => {
    if (!c.books?.months.length) return { title: '资源发包租赁合同与收益', body: [{ type: 'paragraph', text: NO_BOOKS }] };
    const fees = byCounterparty(rowsOf(c, (r) => r.account === '发包及上交收入'));
    const contracts = demoLandContracts(c.villageId);
    const total = sum(fees.map((f) => ({ amountFen: f.fen })));
    return {
      title: '资源发包租赁合同与收益',
      body: [
        {
          type: 'paragraph',
          text: `集体机动地通过镇农村产权交易平台公开竞价发包，合同期 5 年，承包费按季收取。本季度收取承包费 ${yuan(total)} 元${coverage(c)}。`,
        },
        {
          type: 'table',
          columns: ['承包人', '面积（亩）', '单价（元/亩·年）', '本季收取（元）'],
          rows: fees.map((f) => {
            const k = contracts[c.landTenants.indexOf(f.name)];
            return [f.name, k ? String(k.mu) : '', k ? String(k.yuanPerMuYear) : '', yuan(f.fen)];
          }),
        },
      ],
      amountFen: total,
    };
  },
  '6-3': () => ({ title: '资源流转与变更', body: [{ type: 'paragraph', text: '本季度无资源流转和变更事项。' }] }),
  '6-4': () => ({ title: '资源收益分配', body: [{ type: 'paragraph', text: '资源发包收益用于村内公益事业和基础设施维护，年底公开使用明细。' }] }),
};
