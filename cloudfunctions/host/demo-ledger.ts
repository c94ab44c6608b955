import { numbers } from './demo-disclosures';

/** One demo ledger row, as a 会计's spreadsheet has it. */
export interface DemoLedgerRow {
  date: string;
  direction: '收入' | '支出';
  account: string;
  yuan: string;
  counterparty: string;
  summary: string;
  handler: string;
}

export const LEDGER_HEADER = ['日期', '收支', '科目', '金额（元）', '对方', '摘要', '经手人'];

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const money = (fen: number) => (fen / 100).toFixed(2);

/**
 * A plausible month of a north-Shandong village's books: subsidies and land-contract income,
 * cadre pay, office costs, the odd meal for visiting inspectors, public works. Deterministic per
 * village and month. The village's road project lands one large expense in a chosen month, and
 * one month's 招待费 runs above the township's line, so the money page has something to flag.
 */
export function demoLedgerMonth(villageId: string, month: string, people: { accountant: string; secretary: string; tenant: string }, opts: { bigProject?: boolean; lavish?: boolean } = {}): DemoLedgerRow[] {
  const n = numbers(`ledger:${villageId}:${month}`);
  const m = Number(month.slice(5, 7));
  const rows: DemoLedgerRow[] = [];
  const add = (d: number, direction: '收入' | '支出', account: string, fen: number, counterparty: string, summary: string, handler = people.accountant) =>
    rows.push({ date: day(month, d), direction, account, yuan: money(fen), counterparty, summary, handler });

  add(5, '收入', '补助收入', n(180, 260) * 10000, '黄升镇财政所', `${m}月村级组织运转经费补助`);
  if (m % 3 === 1) add(8, '收入', '发包及上交收入', n(400, 900) * 10000, people.tenant, '集体机动地承包费（本季度）');
  if (n(0, 2) === 0) add(12, '收入', '其他收入', n(5, 30) * 10000, '滨州市沾化区农业农村局', '农村人居环境整治以奖代补');
  add(10, '支出', '干部报酬', n(90, 110) * 3000, people.secretary, `${m}月村干部基本报酬`, people.secretary);
  add(10, '支出', '干部报酬', n(60, 75) * 3000, people.accountant, `${m}月村干部基本报酬`);
  add(15, '支出', '办公费', n(3, 12) * 10000, '沾化区文印社', '打印纸、墨盒');
  add(18, '支出', '办公费', 12000, '中国移动沾化分公司', '村委会宽带费');
  if (opts.lavish) {
    add(9, '支出', '招待费', 128000, '黄升镇福满楼饭店', '县检查组工作餐');
    add(21, '支出', '招待费', 96000, '黄升镇福满楼饭店', '招商洽谈工作餐');
  } else if (n(0, 3) === 0) {
    add(20, '支出', '招待费', n(2, 6) * 10000, '黄升镇家常菜馆', '镇工作组误餐');
  }
  add(22, '支出', '公益支出', n(5, 20) * 10000, '本村保洁员', '村内保洁、垃圾清运');
  if (m === 12 || m === 6) add(25, '支出', '公益支出', n(30, 60) * 10000, '本村困难户', '走访慰问困难群众');
  if (opts.bigProject) add(26, '支出', '公益支出', n(60, 90) * 100000, '沾化区通达路桥工程有限公司', '村内主街道路维修工程款（第一期）');
  add(28, '支出', '其他支出', n(1, 5) * 10000, '沾化区供电公司', '路灯电费');
  return rows;
}
