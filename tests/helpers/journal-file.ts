import ExcelJS from 'exceljs';

/**
 * A 现金日记账 as provincial 三资 platforms export it, with every quirk the import must read:
 * two merged title rows, the header on row 3 (凭证号 · 科目编码 · 科目名称 · 借方金额 · 贷方金额 ·
 * 余额), a 期初余额 row, every cell text, amounts as "28,600.00", in full-width digits, with ¥ and
 * with 元, a "管理费用-其他" path, an account known only by its code, a page break (过次页 and
 * 承前页), 本月合计 and 本年累计 rows, and a signature line. Balances are worked out in fen.
 */

/** One voucher: 收入 (借方) or 支出 (贷方), the amount in fen, and how the amount cell is written. */
export interface JournalVoucher {
  date: string;
  voucher: string;
  summary: string;
  code: string;
  account: string;
  side: '借' | '贷';
  fen: number;
  /** The amount cell as text; by default "1,286.50". */
  written?: string;
}

const yuan = (fen: number) => {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
};
const fullWidth = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The October vouchers of the fixture, each quirk on its own row. */
export function octoberVouchers(): JournalVoucher[] {
  return [
    { date: '2026-10-05', voucher: '记-001', summary: '收到10月村级组织运转经费', code: '522', account: '补助收入', side: '借', fen: 28_600_00 },
    { date: '2026-10-08', voucher: '记-002', summary: '支付村内保洁费', code: '', account: '公益支出', side: '贷', fen: 1_286_50 },
    {
      date: '2026-10-09',
      voucher: '记-003',
      summary: '购买打印纸、墨盒',
      code: '',
      account: '管理费用-办公费',
      side: '贷',
      fen: 350_00,
      written: fullWidth('350.00'),
    },
    { date: '2026-10-12', voucher: '记-004', summary: '镇工作组误餐', code: '', account: '管理费用-招待费', side: '贷', fen: 860_00, written: '¥860.00' },
    {
      date: '2026-10-15',
      voucher: '记-005',
      summary: '10月村干部误工补贴',
      code: '',
      account: '管理费用-干部报酬',
      side: '贷',
      fen: 1_200_00,
      written: '1,200.00元',
    },
    { date: '2026-10-20', voucher: '记-006', summary: '路灯维修', code: '', account: '管理费用-其他', side: '贷', fen: 420_00 },
    { date: '2026-10-25', voucher: '记-007', summary: '收到银行存款利息', code: '531', account: '存款利息', side: '借', fen: 12_34 },
  ];
}

export interface Journal {
  base64: string;
  bytes: Buffer;
  vouchers: JournalVoucher[];
  openingFen: number;
  incomeFen: number;
  expenseFen: number;
  /** The file's 期末: the balance on its 本月合计 row. */
  closingFen: number;
}

export interface JournalOptions {
  village?: string;
  /** YYYY-MM of the 会计期间 title. */
  period?: string;
  openingFen: number;
  vouchers?: JournalVoucher[];
  /** Where the page break (过次页 / 承前页) falls: after this many vouchers. */
  pageBreakAfter?: number;
  /** What the 本月合计 row says, when it should disagree with the rows. */
  monthTotal?: { incomeFen?: number; expenseFen?: number };
  /** What the year so far adds up to before this month (本年累计 = this + the month). */
  yearBeforeFen?: { income: number; expense: number };
}

export async function cashJournal(opts: JournalOptions): Promise<Journal> {
  const village = opts.village ?? '杨家村';
  const period = opts.period ?? '2026-10';
  const vouchers = opts.vouchers ?? octoberVouchers();
  const pageBreakAfter = opts.pageBreakAfter ?? 4;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('现金日记账');
  ws.addRow([`${village}股份经济合作社 现金日记账`]);
  ws.mergeCells('A1:H1');
  ws.addRow([`会计期间：${period.slice(0, 4)}年${Number(period.slice(5, 7))}月    单位：元`]);
  ws.mergeCells('A2:H2');
  ws.addRow(['日期', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '余额']);
  ws.addRow([`${period}-01`, '', '期初余额', '', '', '', '', yuan(opts.openingFen)]);

  let balance = opts.openingFen;
  let income = 0;
  let expense = 0;
  vouchers.forEach((v, i) => {
    const written = v.written ?? yuan(v.fen);
    if (v.side === '借') {
      balance += v.fen;
      income += v.fen;
    } else {
      balance -= v.fen;
      expense += v.fen;
    }
    ws.addRow([v.date, v.voucher, v.summary, v.code, v.account, v.side === '借' ? written : '', v.side === '贷' ? written : '', yuan(balance)]);
    if (i + 1 === pageBreakAfter && i + 1 < vouchers.length) {
      ws.addRow(['', '', '过次页', '', '', yuan(income), yuan(expense), yuan(balance)]);
      ws.addRow(['', '', '承前页', '', '', yuan(income), yuan(expense), yuan(balance)]);
    }
  });
  ws.addRow(['', '', '本月合计', '', '', yuan(opts.monthTotal?.incomeFen ?? income), yuan(opts.monthTotal?.expenseFen ?? expense), yuan(balance)]);
  const before = opts.yearBeforeFen ?? { income: 215_400_00, expense: 187_312_60 };
  ws.addRow(['', '', '本年累计', '', '', yuan(before.income + income), yuan(before.expense + expense), yuan(balance)]);
  const foot = ws.addRow(['会计：杨秀梅        出纳：王建军        民主理财小组：（签字）']);
  ws.mergeCells(`A${foot.number}:H${foot.number}`);
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { base64: bytes.toString('base64'), bytes, vouchers, openingFen: opts.openingFen, incomeFen: income, expenseFen: expense, closingFen: balance };
}

/** The fixture's vouchers dated in another month (same days), for books entered backwards. */
export function vouchersIn(month: string): JournalVoucher[] {
  return octoberVouchers().map((v) => ({ ...v, date: `${month}${v.date.slice(7)}` }));
}

/** The opening a journal of these vouchers needs to close at `closingFen`. */
export function openingFor(vouchers: JournalVoucher[], closingFen: number): number {
  return vouchers.reduce((s, v) => s + (v.side === '借' ? -v.fen : v.fen), closingFen);
}
