import { numbers } from './demo-numbers';

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

/** Who a demo village's books name: the paid cadres and the people who rent from the collective. */
export interface DemoLedgerPeople {
  accountant: string;
  secretary: string;
  director: string;
  /** Holders of the collective's 机动地 contracts, in the order of `demoLandContracts`. */
  landTenants: string[];
  /** Who rents the village's east warehouse. */
  rentTenant: string;
}

/** A land contract the books collect on: area and yearly price, paid a quarter at a time. */
export interface DemoLandContract {
  mu: number;
  yuanPerMuYear: number;
}

/**
 * The village's two 机动地 contracts. Fixed per village (a five-year contract does not change
 * from quarter to quarter), so the 6-2 disclosure and the ledger's 承包费 rows can both be
 * read from them and agree.
 */
export function demoLandContracts(villageId: string): DemoLandContract[] {
  const n = numbers(`land:${villageId}`);
  return [
    { mu: n(12, 18) * 4, yuanPerMuYear: n(80, 90) * 10 },
    { mu: n(8, 12) * 4, yuanPerMuYear: n(80, 90) * 10 },
  ];
}

/** One quarter's fee of a contract, in fen (a quarter of the year's, exact since the area is a multiple of 4 mu). */
export const quarterFeeFen = (c: DemoLandContract) => (c.mu * c.yuanPerMuYear * 100) / 4;

/** The east warehouse's rent per quarter, fixed per village for the same reason. */
export const demoWarehouseRentFen = (villageId: string) => numbers(`rent:${villageId}`)(30, 60) * 10000;

/** The main-street repair contract; the books pay 60% of it as the first instalment. */
export const demoRoadContractFen = (villageId: string) => numbers(`road:${villageId}`)(100, 150) * 100000;
export const ROAD_PROJECT = { name: '村内主街道路维修', contractor: '沾化区通达路桥工程有限公司' };

/**
 * A plausible month of a north-Shandong village's books: subsidies and land-contract income,
 * cadre pay, office costs, the odd meal for visiting inspectors, public works. Deterministic per
 * village and month. The village's road project lands one large expense in a chosen month, and
 * one month's 招待费 runs above the township's line, so the money page has something to flag.
 */
export function demoLedgerMonth(
  villageId: string,
  month: string,
  people: DemoLedgerPeople,
  opts: { bigProject?: boolean; lavish?: boolean } = {},
): DemoLedgerRow[] {
  const n = numbers(`ledger:${villageId}:${month}`);
  const m = Number(month.slice(5, 7));
  const rows: DemoLedgerRow[] = [];
  const add = (d: number, direction: '收入' | '支出', account: string, fen: number, counterparty: string, summary: string, handler = people.accountant) =>
    rows.push({ date: day(month, d), direction, account, yuan: money(fen), counterparty, summary, handler });

  add(5, '收入', '补助收入', n(180, 260) * 10000, '黄升镇财政所', `${m}月村级组织运转经费补助`);
  // Contract fees and rent come in the first month of each quarter, at the contracts' rates, for
  // the quarter after (预交: the demo's contracts are always paid up, see demo-assets).
  if (m % 3 === 1) {
    demoLandContracts(villageId).forEach((c, i) => {
      const tenant = people.landTenants[i];
      if (tenant) add(8, '收入', '发包及上交收入', quarterFeeFen(c), tenant, `集体机动地承包费（预交下季度，${c.mu} 亩）`);
    });
    add(8, '收入', '经营收入', demoWarehouseRentFen(villageId), people.rentTenant, '村东库房租金（预交下季度）');
  }
  if (n(0, 2) === 0) add(12, '收入', '补助收入', n(5, 30) * 10000, '滨州市沾化区农业农村局', '农村人居环境整治以奖代补');
  // Pay is a fixed monthly rate per post (set by the township for the year), not a new figure each month.
  const pay = numbers(`pay:${villageId}:${month.slice(0, 4)}`);
  add(10, '支出', '干部报酬', pay(90, 110) * 3000, people.secretary, `${m}月村干部基本报酬（党支部书记）`, people.secretary);
  add(10, '支出', '干部报酬', pay(70, 85) * 3000, people.director, `${m}月村干部基本报酬（村委会主任）`);
  add(10, '支出', '干部报酬', pay(60, 75) * 3000, people.accountant, `${m}月村干部基本报酬（会计）`);
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
  if (opts.bigProject)
    add(26, '支出', '公益支出', (demoRoadContractFen(villageId) * 6) / 10, ROAD_PROJECT.contractor, `${ROAD_PROJECT.name}工程款（第一期，合同价 60%）`);
  add(28, '支出', '其他支出', n(1, 5) * 10000, '沾化区供电公司', '路灯电费');
  return rows;
}
