import { PrintDoc, type Column } from './sheet';
import { dateText, formatFen } from './words';

export interface StatementRow {
  date: string;
  direction: '收入' | '支出';
  account: string;
  amountFen: number;
  counterparty: string;
  summary: string;
  handler: string;
  /** 调整分录, 质询 and the app's plain-words flags, printed under the 摘要. */
  notes: string[];
}

/** A month as the ledger page (src/packages/cadre/ledger) sums it up, with its rows. */
export interface MonthStatement {
  villageName: string;
  place: string;
  label: string;
  state: 'open' | 'closed' | 'published';
  openingFen: number | null;
  incomeFen: number;
  expenseFen: number;
  computedClosingFen: number | null;
  declaredClosingFen: number | null;
  publishedAt: string | null;
  rows: StatementRow[];
}

/** A quarter summed from its published months (季汇总), with each month's rows. */
export interface QuarterStatement {
  villageName: string;
  place: string;
  label: string;
  openingFen: number | null;
  closingFen: number | null;
  incomeFen: number;
  expenseFen: number;
  gapFen: number | null;
  byCategory: { direction: string; account: string; amountFen: number }[];
  months: { label: string; incomeFen: number; expenseFen: number; closingFen: number | null; rows: StatementRow[] }[];
  /** Months of the quarter not yet signed and published: left out, and said so. */
  unpublished: string[];
}

export const MONTH_STATE_TEXT = { open: '未结账', closed: '已结账待签字', published: '已公示' } as const;

const ROW_COLUMNS: Column[] = [
  { title: '日期', share: 10 },
  { title: '收支', share: 5 },
  { title: '科目', share: 15 },
  { title: '金额（元）', share: 12, align: 'right' },
  { title: '对方', share: 12 },
  { title: '摘要', share: 24 },
  { title: '经手人', share: 7 },
];

const yuan = (fen: number | null) => (fen === null ? '—' : `${formatFen(fen)} 元`);
const count = (rows: StatementRow[], d: '收入' | '支出') => rows.filter((r) => r.direction === d).length;

function drawRows(doc: PrintDoc, rows: StatementRow[]): void {
  if (rows.length === 0) {
    doc.text('这个月没有账目。', { size: 10, tone: 'muted' });
    return;
  }
  doc.table(
    ROW_COLUMNS,
    rows.map((r) => [r.date, r.direction, r.account, formatFen(r.amountFen), r.counterparty, [r.summary, ...r.notes].join('\n'), r.handler]),
    9,
  );
}

function drawSummary(doc: PrintDoc, lines: [string, string][]): void {
  doc.table(
    [
      { title: '项目', share: 2 },
      { title: '金额', share: 3, align: 'right' },
    ],
    lines,
    10.5,
  );
}

/** Where the 会计, the 民主理财小组 and the 监委会 sign the paper copy. */
function drawSignatures(doc: PrintDoc): void {
  doc.ensure(80);
  doc.gap(20);
  doc.text('会计（签字）：______________　　　民主理财小组（签字）：______________', { size: 10.5 });
  doc.gap(10);
  doc.text('村务监督委员会（签字）：______________　　　日期：________年____月____日', { size: 10.5 });
}

function header(doc: PrintDoc, title: string, place: string): void {
  doc.text(title, { size: 20, align: 'center' });
  doc.text(place, { size: 10.5, align: 'center', tone: 'muted' });
  doc.gap(8);
}

/** 月公示: the month's balance and every row, for the 公开栏 or the township. */
export async function monthStatementPdf(m: MonthStatement, now: Date): Promise<Uint8Array> {
  const title = `${m.villageName}${m.label}收支明细`;
  const doc = await PrintDoc.create({ title, now, pageNumbers: true });
  header(doc, title, m.place);
  if (m.state !== 'published') {
    doc.text(`本月${MONTH_STATE_TEXT[m.state]}，还没有经民主理财小组签字公示：本表仅供核对，不能张贴公示。`, { size: 11, tone: 'alert' });
  } else if (m.publishedAt) {
    doc.text(`已于 ${dateText(m.publishedAt)} 经民主理财小组签字公示。`, { size: 10.5 });
  }
  doc.gap(6);
  const gap = m.computedClosingFen !== null && m.declaredClosingFen !== null ? m.declaredClosingFen - m.computedClosingFen : 0;
  drawSummary(doc, [
    ['月初余额', yuan(m.openingFen)],
    ['收入', `${yuan(m.incomeFen)}（${count(m.rows, '收入')} 笔）`],
    ['支出', `${yuan(m.expenseFen)}（${count(m.rows, '支出')} 笔）`],
    ['按收支算出的月末余额', yuan(m.computedClosingFen)],
    ['登记的月末余额', m.declaredClosingFen === null ? '结账时填写' : yuan(m.declaredClosingFen)],
    ['状态', MONTH_STATE_TEXT[m.state]],
  ]);
  if (gap !== 0)
    doc.text(`相差 ${formatFen(Math.abs(gap))} 元：登记的月末余额比按收支算出的${gap > 0 ? '多' : '少'} ${formatFen(Math.abs(gap))} 元。`, {
      size: 10.5,
      tone: 'alert',
    });
  doc.gap(12);
  doc.text(`本月账目（${m.rows.length} 笔）`, { size: 13 });
  doc.gap(4);
  drawRows(doc, m.rows);
  drawSignatures(doc);
  doc.gap(8);
  doc.text(`本表打印于 ${dateText(now)}。逐笔凭证和质询答复可在“阳光村务”小程序“村里的钱”中查看。`, { size: 8.5, tone: 'muted' });
  return doc.finish();
}

/** 季汇总: the quarter's totals, by month and by category, then each published month's rows. */
export async function quarterStatementPdf(q: QuarterStatement, now: Date): Promise<Uint8Array> {
  const title = `${q.villageName}${q.label}收支汇总`;
  const doc = await PrintDoc.create({ title, now, pageNumbers: true });
  header(doc, title, q.place);
  if (q.unpublished.length > 0) doc.text(`${q.unpublished.join('、')}还没有签字公示，不在本表内。`, { size: 10.5, tone: 'alert' });
  drawSummary(doc, [
    ['季初余额', yuan(q.openingFen)],
    ['收入', yuan(q.incomeFen)],
    ['支出', yuan(q.expenseFen)],
    ['季末余额', yuan(q.closingFen)],
  ]);
  if (q.gapFen) doc.text(`季末余额与季初余额加收入减支出相差 ${formatFen(Math.abs(q.gapFen))} 元，请核对中间是否有月份未公示。`, { size: 10.5, tone: 'alert' });
  doc.gap(12);
  doc.text('各月收支', { size: 13 });
  doc.gap(4);
  doc.table(
    [
      { title: '月份', share: 3 },
      { title: '收入（元）', share: 3, align: 'right' },
      { title: '支出（元）', share: 3, align: 'right' },
      { title: '月末余额（元）', share: 3, align: 'right' },
    ],
    q.months.map((m) => [m.label, formatFen(m.incomeFen), formatFen(m.expenseFen), m.closingFen === null ? '—' : formatFen(m.closingFen)]),
    10,
  );
  doc.gap(12);
  doc.text('按科目汇总', { size: 13 });
  doc.gap(4);
  doc.table(
    [
      { title: '收支', share: 2 },
      { title: '科目', share: 6 },
      { title: '金额（元）', share: 4, align: 'right' },
    ],
    q.byCategory.map((c) => [c.direction, c.account, formatFen(c.amountFen)]),
    10,
  );
  for (const m of q.months) {
    doc.gap(14);
    doc.ensure(80);
    doc.text(`${m.label}明细（${m.rows.length} 笔）`, { size: 13 });
    doc.gap(4);
    drawRows(doc, m.rows);
  }
  drawSignatures(doc);
  doc.gap(8);
  doc.text(`本表按已签字公示的月份汇总，打印于 ${dateText(now)}。`, { size: 8.5, tone: 'muted' });
  return doc.finish();
}
