import type { Block } from '../../types/disclosure';
import type { QuarterRef } from '../core/shared/time';
import { quarterLabel } from '../core/shared/time';

/** What a demo item needs to read like a real village's: its people and a little variation. */
export interface DemoContext {
  village: string;
  q: QuarterRef;
  secretary: string;
  director: string;
  accountant: string;
  supervisor: string;
  /** Household heads with masked ID numbers, as a subsidy list shows them. */
  heads: { name: string; idMasked: string }[];
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

type Maker = (c: DemoContext) => DemoItem;

/** Content for each default catalog item, by `<category#>-<item#>`. */
export const DEMO_ITEMS: Record<string, Maker> = {
  '1-1': (c) => ({
    title: `${c.village}党支部班子成员及分工`,
    body: [
      { type: 'paragraph', text: `${c.village}党支部现有支部委员 3 名，本季度班子成员无变动。` },
      {
        type: 'table',
        columns: ['姓名', '职务', '分工'],
        rows: [
          [c.secretary, '党支部书记、村委会主任', '主持全面工作'],
          [c.director, '支部委员', '分管村务、矛盾调解'],
          [c.accountant, '支部委员、报账员', '分管财务、集体资产'],
        ],
      },
    ],
  }),
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
    const fen = c.n(18, 32) * 5000;
    return {
      title: `${quarterLabel(c.q)}党费收缴与使用`,
      body: [{ type: 'paragraph', text: `本季度应缴党费 ${yuan(fen)} 元，实缴 ${yuan(fen)} 元，已全额上缴镇党委。` }],
      amountFen: fen,
    };
  },
  '1-4': (c) => ({
    title: `${quarterLabel(c.q)}三会一课与主题党日`,
    body: [
      {
        type: 'table',
        columns: ['月份', '主题党日内容', '参加人数'],
        rows: months(c.q).map((m, i) => [m, ['学习党的二十届三中全会精神', '人居环境整治志愿服务', '走访慰问困难党员'][i], String(c.n(14, 22))]),
      },
      { type: 'paragraph', text: `召开支部委员会 ${c.n(3, 5)} 次、党小组会 3 次，书记讲党课 1 次。` },
    ],
  }),
  '2-1': (c) => ({
    title: '重大事项决策（四议两公开）执行情况',
    body: [
      { type: 'paragraph', text: `本季度按“四议两公开”程序决策事项 ${c.n(1, 2)} 项：村内道路硬化维修。经党支部提议、两委商议、党员大会审议、村民代表会议决议，决议和实施结果均已公开。` },
    ],
  }),
  '2-2': (c) => {
    const rows = c.heads.slice(4, 4 + c.n(2, 3)).map((h) => [h.name, h.idMasked, '低保', String(c.n(2, 4)), String(c.n(420, 560) * 3)]);
    return {
      title: `${quarterLabel(c.q)}低保、特困救助发放名单`,
      body: [
        { type: 'paragraph', text: '以下为本季度享受低保的家庭及发放金额（季度合计），如有异议请向村务监督委员会反映。' },
        { type: 'table', columns: ['户主', '身份证号', '类别', '保障人数', '金额（元）'], rows },
      ],
      amountFen: rows.reduce((s, r) => s + Number(r[4]) * 100, 0),
    };
  },
  '2-3': (c) => {
    const rows = c.heads.slice(0, 10).map((h) => {
      const mu = c.n(20, 110) / 10;
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
  '2-4': (c) => ({
    title: '宅基地审批与村级工程项目',
    body: [
      { type: 'paragraph', text: `本季度审批宅基地 ${c.n(0, 1)} 宗，均已张榜公示 7 天无异议。` },
      {
        type: 'table',
        columns: ['工程名称', '施工单位', '合同金额（元）', '进度'],
        rows: [['村内主街道路维修', '沾化区通达路桥工程有限公司', yuan(c.n(80, 160) * 100000), '已完工，待验收']],
      },
    ],
  }),
  '3-1': (c) => {
    const rows = months(c.q).map((m) => [m, yuan(c.n(20, 60) * 100000), yuan(c.n(15, 50) * 100000)]);
    return {
      title: `${quarterLabel(c.q)}月度收支明细`,
      body: [{ type: 'table', columns: ['月份', '收入（元）', '支出（元）'], rows }],
      amountFen: rows.reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0),
    };
  },
  '3-2': (c) => {
    const income = c.n(80, 160) * 100000;
    const spend = c.n(60, 140) * 100000;
    return {
      title: `${quarterLabel(c.q)}收支汇总`,
      body: [
        {
          type: 'table',
          columns: ['项目', '金额（元）'],
          rows: [
            ['本季收入合计', yuan(income)],
            ['其中：发包及上交收入', yuan(Math.round(income * 0.6))],
            ['其中：补助收入', yuan(income - Math.round(income * 0.6))],
            ['本季支出合计', yuan(spend)],
          ],
        },
      ],
      amountFen: income,
    };
  },
  '3-3': (c) => {
    const rows = [
      [c.secretary, '书记、主任', yuan(c.n(90, 110) * 3000)],
      [c.director, '委员', yuan(c.n(60, 75) * 3000)],
      [c.accountant, '委员、报账员', yuan(c.n(60, 75) * 3000)],
    ];
    return {
      title: `${quarterLabel(c.q)}村干部报酬与误工补贴`,
      body: [{ type: 'table', columns: ['姓名', '职务', '季度报酬（元）'], rows }],
      amountFen: rows.reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0),
    };
  },
  '3-4': (c) => {
    const hosp = c.n(0, 6) * 5000;
    const office = c.n(8, 20) * 10000;
    return {
      title: `${quarterLabel(c.q)}招待费、办公费等非生产性开支`,
      body: [
        { type: 'table', columns: ['项目', '金额（元）', '说明'], rows: [['招待费', yuan(hosp), hosp ? '镇工作组检查工作误餐' : '无'], ['办公费', yuan(office), '打印纸、墨盒、宽带费']] },
      ],
      amountFen: hosp + office,
    };
  },
  '4-1': (c) => {
    const bank = c.n(300, 900) * 100000;
    return {
      title: `集体资金存量（截至${c.q.year}年${c.q.quarter * 3}月底）`,
      body: [{ type: 'table', columns: ['项目', '金额（元）'], rows: [['银行存款', yuan(bank)], ['库存现金', '0.00']] }],
      amountFen: bank,
    };
  },
  '4-2': (c) => {
    const fen = c.n(10, 40) * 1000000;
    return {
      title: '上级专项资金拨付与使用',
      body: [{ type: 'paragraph', text: `本季度收到区农业农村局高标准农田建设专项资金 ${yuan(fen)} 元，已按项目进度支付施工方，余款专户存储。` }],
      amountFen: fen,
    };
  },
  '4-3': (c) => ({
    title: '一事一议筹资筹劳与财政奖补',
    body: [{ type: 'paragraph', text: `本季度无新的一事一议筹资筹劳事项。上年度道路硬化项目财政奖补资金 ${yuan(c.n(5, 15) * 1000000)} 元已到账。` }],
  }),
  '4-4': (c) => ({
    title: '债权债务情况',
    body: [
      {
        type: 'table',
        columns: ['项目', '期初（元）', '期末（元）'],
        rows: [
          ['应收款（承包费未收）', yuan(c.n(2, 8) * 100000), yuan(c.n(0, 4) * 100000)],
          ['应付款（工程尾款）', yuan(c.n(5, 12) * 100000), yuan(c.n(3, 10) * 100000)],
        ],
      },
    ],
  }),
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
        ],
      },
    ],
  }),
  '5-2': (c) => ({
    title: '资产出租出借与承包收益',
    body: [{ type: 'table', columns: ['资产', '承租人', '期限', '本季收益（元）'], rows: [['村东闲置库房', c.heads[2].name, '2024—2027 年', yuan(c.n(30, 60) * 10000)]] }],
  }),
  '5-3': () => ({ title: '资产处置与变动', body: [{ type: 'paragraph', text: '本季度无资产处置，资产无变动。' }] }),
  '5-4': () => ({ title: '经营性资产收益分配', body: [{ type: 'paragraph', text: '经营性资产收益纳入集体统一核算，年底按村民代表会议决议分配，本季度无分配。' }] }),
  '6-1': (c) => ({
    title: '土地、林地、水面等资源台账',
    body: [
      {
        type: 'table',
        columns: ['资源', '面积（亩）', '经营方式'],
        rows: [
          ['集体机动地', String(c.n(80, 160)), '公开发包'],
          ['沟渠坑塘', String(c.n(10, 40)), '公开发包'],
          ['村北林地', String(c.n(20, 60)), '集体管护'],
        ],
      },
    ],
  }),
  '6-2': (c) => {
    const fen = c.n(40, 120) * 100000;
    return {
      title: '资源发包租赁合同与收益',
      body: [
        { type: 'paragraph', text: `集体机动地通过镇农村产权交易平台公开竞价发包，合同期 5 年。本季度收取承包费 ${yuan(fen)} 元。` },
        { type: 'table', columns: ['承包人', '面积（亩）', '单价（元/亩·年）'], rows: [[c.heads[1].name, '60', '850'], [c.heads[3].name, '45', '830']] },
      ],
      amountFen: fen,
    };
  },
  '6-3': () => ({ title: '资源流转与变更', body: [{ type: 'paragraph', text: '本季度无资源流转和变更事项。' }] }),
  '6-4': () => ({ title: '资源收益分配', body: [{ type: 'paragraph', text: '资源发包收益用于村内公益事业和基础设施维护，年底公开使用明细。' }] }),
};

/** A small deterministic generator (mulberry32) seeded from text. */
export function numbers(seedText: string): (min: number, max: number) => number {
  let a = 0;
  for (const ch of seedText) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(r * (max - min + 1));
  };
}
