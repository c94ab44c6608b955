import type { Block } from '../../types/disclosure';
import type { QuarterRef } from '../core/shared/time';
import { quarterKey, quarterLabel, shiftQuarterKey } from '../core/shared/time';
import { demoLandContracts, demoRoadContractFen, ROAD_PROJECT } from './demo-ledger';
import { numbers } from './demo-numbers';

/** A quarter of the village's published books, as the demo's money items quote them. */
export interface DemoBooks {
  /** The quarter's months that the 民主理财小组 has signed, oldest first. */
  months: string[];
  rows: { month: string; date: string; direction: '收入' | '支出'; account: string; amountFen: number; counterparty: string; summary: string }[];
  /** The last signed month's closing balance. */
  closingFen: number | null;
}

/** What a demo item needs to read like a real village's: its people, its books and a little variation. */
export interface DemoContext {
  villageId: string;
  village: string;
  q: QuarterRef;
  secretary: string;
  director: string;
  accountant: string;
  supervisor: string;
  /** Household heads with masked ID numbers, as a subsidy list shows them. */
  heads: { name: string; idMasked: string }[];
  /** Party members of the roster other than the secretary. */
  partyMembers: string[];
  /** The roster's 低保 households: head, masked ID and how many of the household are covered. */
  lowIncome: { name: string; idMasked: string; persons: number }[];
  /** Holders of the 机动地 contracts (as the books name them) and the warehouse's tenant. */
  landTenants: string[];
  rentTenant: string;
  /** The quarter's published books; none when no month of the quarter is signed. */
  books: DemoBooks | null;
  /** Deterministic per village, quarter and item, so a reseed gives the same demo. */
  n: (min: number, max: number) => number;
}

export interface DemoItem {
  title: string;
  body: Block[];
  amountFen?: number;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const months = (q: QuarterRef) => [1, 2, 3].map((m) => `${(q.quarter - 1) * 3 + m}月`);
const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;
const sum = (rows: { amountFen: number }[]) => rows.reduce((s, r) => s + r.amountFen, 0);

type Maker = (c: DemoContext) => DemoItem;

/** The quarter's signed months, or what a villager should be told when some are not signed. */
function coverage(c: DemoContext): string {
  const b = c.books;
  if (!b || b.months.length === 0) return '';
  const missing = months(c.q).filter((m) => !b.months.some((x) => monthName(x) === m));
  return missing.length ? `（${missing.join('、')}的账还没有签字公示，未计入）` : '';
}

const NO_BOOKS = '本季度还没有经民主理财小组签字公示的账目，公示后一并公开。';

/** Rows of the quarter's books that match, in date order. */
function rowsOf(c: DemoContext, match: (r: DemoBooks['rows'][number]) => boolean): DemoBooks['rows'] {
  return (c.books?.rows ?? []).filter(match).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Sums rows by counterparty, in the order each first appears. */
function byCounterparty(rows: DemoBooks['rows']): { name: string; summary: string; fen: number }[] {
  const out: { name: string; summary: string; fen: number }[] = [];
  for (const r of rows) {
    const hit = out.find((o) => o.name === r.counterparty);
    if (hit) hit.fen += r.amountFen;
    else out.push({ name: r.counterparty, summary: r.summary, fen: r.amountFen });
  }
  return out;
}

/**
 * A household's certified farmland: fixed per household, not drawn anew each quarter. 杨家村's
 * first household is the one whose area the demo's correction fixes (6.0 typed, 6.8 certified).
 */
export function demoLandMu(villageId: string, index: number, head: { name: string; idMasked: string }): number {
  if (villageId === 'yangjia' && index === 0) return 6.8;
  return numbers(`mu:${villageId}:${head.name}:${head.idMasked}`)(20, 110) / 10;
}

/**
 * Content for each default catalog item, by `<category#>-<item#>`. Figures the books also hold
 * (pay, balances, subsidies received, contract fees, rent, project payments) are read from the
 * quarter's published books; lists of people come from the roster. 3-1, 3-2 and 3-4 are not
 * here: the demo drafts them with the product's own 生成本季度财务公开 (`LEDGER_DRAFTED`).
 */
export const DEMO_ITEMS: Record<string, Maker> = {
  '1-1': (c) => {
    const [organiser, publicity] = c.partyMembers;
    return {
      title: `${c.village}党支部班子成员及分工`,
      body: [
        { type: 'paragraph', text: `${c.village}党支部现有党员 ${c.partyMembers.length + 1} 名，支部委员 3 名，本季度班子成员无变动。` },
        {
          type: 'table',
          columns: ['姓名', '职务', '分工'],
          rows: [
            [c.secretary, '党支部书记', '主持党支部全面工作'],
            [organiser ?? '', '组织委员', '党员发展、组织关系转接'],
            [publicity ?? '', '宣传委员', '三会一课、主题党日'],
          ],
        },
      ],
    };
  },
  '1-2': (c) => {
    const k = c.n(0, 2);
    return {
      title: `${quarterLabel(c.q)}党员发展与组织关系转接`,
      body: [
        { type: 'paragraph', text: k ? `本季度确定入党积极分子 ${k} 名，已在党员大会上公示，无异议。` : '本季度无新发展党员。' },
        { type: 'paragraph', text: `组织关系转入 ${c.n(0, 1)} 人，转出 0 人。` },
      ],
    };
  },
  '1-3': (c) => {
    // Dues go straight to the township's party committee, not through the village's books.
    const fen = c.n(18, 32) * 5000;
    return {
      title: `${quarterLabel(c.q)}党费收缴与使用`,
      body: [{ type: 'paragraph', text: `本季度应缴党费 ${yuan(fen)} 元，实缴 ${yuan(fen)} 元，已全额上缴镇党委。` }],
      amountFen: fen,
    };
  },
  '1-4': (c) => {
    const members = c.partyMembers.length + 1;
    return {
      title: `${quarterLabel(c.q)}三会一课与主题党日`,
      body: [
        {
          type: 'table',
          columns: ['月份', '主题党日内容', '参加人数'],
          // A branch of a few members: attendance is counted against the roster's party members.
          rows: months(c.q).map((m, i) => [m, ['学习党的二十届三中全会精神', '人居环境整治志愿服务', '走访慰问困难党员'][i], `${c.n(Math.max(1, members - 2), members)}/${members}`]),
        },
        { type: 'paragraph', text: `召开支部委员会 ${c.n(3, 5)} 次、党小组会 3 次，书记讲党课 1 次。` },
      ],
    };
  },
  '2-1': (c) => {
    const road = rowsOf(c, (r) => r.summary.startsWith(ROAD_PROJECT.name));
    return {
      title: '重大事项决策（四议两公开）执行情况',
      body: [
        {
          type: 'paragraph',
          text: road.length
            ? `本季度按“四议两公开”程序实施${ROAD_PROJECT.name} 1 项：经党支部提议、两委商议、党员大会审议、村民代表会议决议，决议和实施结果均已公开。`
            : '本季度没有需要按“四议两公开”程序决策的重大事项。一事一议事项的进展见“议事”栏目。',
        },
      ],
    };
  },
  '2-2': (c) => {
    // 低保 is paid by the district's civil affairs bureau straight to each household's card; the
    // list is the roster's 低保户, each household at a per-person rate that holds for the year.
    const rows = c.lowIncome.map((h) => {
      const perMonthFen = numbers(`dibao:${h.name}:${h.idMasked}:${c.q.year}`)(30, 42) * 1000;
      return [h.name, h.idMasked, '低保', String(h.persons), yuan(perMonthFen * h.persons * 3)];
    });
    return {
      title: `${quarterLabel(c.q)}低保、特困救助发放名单`,
      body: [
        { type: 'paragraph', text: '以下为本季度享受低保的家庭及发放金额（季度合计，由区民政局直接发放到户），如有异议请向村务监督委员会反映。' },
        rows.length ? { type: 'table', columns: ['户主', '身份证号', '类别', '保障人数', '金额（元）'], rows } : { type: 'paragraph', text: '本村目前没有低保户。' },
      ],
      amountFen: rows.reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0),
    };
  },
  '2-3': (c) => {
    const rows = c.heads.slice(0, 10).map((h, i) => {
      const mu = demoLandMu(c.villageId, i, h);
      return [h.name, h.idMasked, mu.toFixed(1), yuan(Math.round(mu * 12530))];
    });
    return {
      title: `${c.q.year}年耕地地力保护补贴发放名单（${quarterLabel(c.q)}）`,
      body: [
        { type: 'paragraph', text: '补贴标准 125.30 元/亩，按确权面积发放，已通过“一卡通”直接发放到户。' },
        { type: 'table', columns: ['户主', '身份证号', '面积（亩）', '金额（元）'], rows },
      ],
      amountFen: rows.reduce((s, r) => s + Math.round(Number(r[3]) * 100), 0),
    };
  },
  '2-4': (c) => {
    const paid = rowsOf(c, (r) => r.summary.startsWith(ROAD_PROJECT.name));
    const body: Block[] = [{ type: 'paragraph', text: `本季度审批宅基地 ${c.n(0, 1)} 宗，均已张榜公示 7 天无异议。` }];
    if (paid.length) {
      const contract = demoRoadContractFen(c.villageId);
      body.push({
        type: 'table',
        columns: ['工程名称', '施工单位', '合同金额（元）', '本季支付（元）', '进度'],
        rows: [[ROAD_PROJECT.name, paid[0].counterparty, yuan(contract), yuan(sum(paid)), '已完工，待验收；尾款验收后支付']],
      });
    } else {
      body.push({ type: 'paragraph', text: '本季度没有村级工程项目支出。' });
    }
    return { title: '宅基地审批与村级工程项目', body };
  },
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
        { type: 'table', columns: ['项目', '金额（元）'], rows: [['银行存款', yuan(b.closingFen)], ['库存现金', '0.00']] },
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
          ['村东库房', '1 座', '85000.00', '出租'],
        ],
      },
    ],
  }),
  '5-2': (c) => {
    if (!c.books?.months.length) return { title: '资产出租出借与承包收益', body: [{ type: 'paragraph', text: NO_BOOKS }] };
    const rent = rowsOf(c, (r) => r.summary.includes('库房租金'));
    return {
      title: '资产出租出借与承包收益',
      body: [
        { type: 'table', columns: ['资产', '承租人', '期限', '本季收益（元）'], rows: [['村东闲置库房', rent[0]?.counterparty ?? c.rentTenant, '2024—2027 年', yuan(sum(rent))]] },
        { type: 'paragraph', text: `租金已记入村集体账目“经营收入”${coverage(c)}。` },
      ],
      amountFen: sum(rent),
    };
  },
  '5-3': () => ({ title: '资产处置与变动', body: [{ type: 'paragraph', text: '本季度无资产处置，资产无变动。' }] }),
  '5-4': () => ({ title: '经营性资产收益分配', body: [{ type: 'paragraph', text: '经营性资产收益纳入集体统一核算，年底按村民代表会议决议分配，本季度无分配。' }] }),
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
        { type: 'paragraph', text: `集体机动地通过镇农村产权交易平台公开竞价发包，合同期 5 年，承包费按季收取。本季度收取承包费 ${yuan(total)} 元${coverage(c)}。` },
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

/** Items the demo drafts with the product's 生成本季度财务公开, from the published ledger. */
export const LEDGER_DRAFTED = ['3-1', '3-2', '3-4'];

/** Every catalog item the demo publishes, in catalog order. */
export const DEMO_CODES = [...Object.keys(DEMO_ITEMS), ...LEDGER_DRAFTED].sort();

/** What a quarter says for the ledger items when none of its months is signed. */
export const NO_BOOKS_ITEMS: Record<string, Maker> = {
  '3-1': (c) => ({ title: `${quarterLabel(c.q)}月度收支明细`, body: [{ type: 'paragraph', text: NO_BOOKS }] }),
  '3-2': (c) => ({ title: `${quarterLabel(c.q)}收支汇总`, body: [{ type: 'paragraph', text: NO_BOOKS }] }),
  '3-4': (c) => ({ title: `${quarterLabel(c.q)}招待费、办公费等非生产性开支`, body: [{ type: 'paragraph', text: NO_BOOKS }] }),
};

export { numbers } from './demo-numbers';
