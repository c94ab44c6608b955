import { randomBytes } from 'node:crypto';
import type { Block } from '../../../types/disclosure';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { type ItemDoc, itemKeyOf, saveDraft } from '../disclosure/api';
import { authorize } from '../caller/api';
import { loadExcel } from '../sheets/api';
import { fail } from '../shared/errors';
import { booksOf, rowsOfMonth } from './books';
import { monthKeyOf, type MonthDoc } from './model';
import { reportPolicy } from './policy';
import { monthView } from './reads';
import { reportOf, totals } from './reports';
import { monthsOf, periodLabel, yuanPlain as yuan } from './rules';

// The published books handed on: rows to a spreadsheet, a quarter's totals to the disclosure drafts.

/**
 * A month or a whole year of rows as .xlsx, in the same columns the import reads. The file goes
 * to storage and the answer carries its address: a year of a busy village's rows is more than a
 * function's answer should carry to a phone on a village signal.
 */
export async function exportMonth(ports: Ports, input: { villageId: string; period: string }): Promise<{ fileName: string; url: string }> {
  const books = await booksOf(ports, input.villageId);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('收支明细');
  ws.addRow(['日期', '收支', '科目', '金额（元）', '对方', '摘要', '经手人', '调整说明']);
  let any = false;
  for (const m of monthsOf(input.period)) {
    const doc = await ports.store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(input.villageId, m));
    if (!doc) continue;
    // Unpublished months only for those who may see them (monthView refuses the rest).
    const view = await monthView(ports, { villageId: input.villageId, month: m }, books).catch(() => null);
    if (!view) continue;
    for (const r of view.rows) {
      any = true;
      ws.addRow([
        r.date,
        r.direction,
        r.account,
        Number(yuan(r.amountFen)),
        r.counterparty,
        r.summary,
        r.handler,
        r.adjusts ? `调整 ${r.adjusts.rowId}：${r.adjusts.reason}` : '',
      ]);
    }
  }
  if (!any) throw fail.notFound(`${periodLabel(input.period)}没有可以导出的账目。`);
  ws.getColumn(4).numFmt = '#,##0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const fileId = await ports.files.put(
    `exports/${input.villageId}/${randomBytes(12).toString('hex')}.xlsx`,
    buf,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const [url] = await ports.files.urls([fileId]);
  return { fileName: `${books.ctx.village.name}${periodLabel(input.period)}收支明细.xlsx`, url };
}

/**
 * The quarter's 财务 disclosure items, drafted from the published ledger in one action instead
 * of retyping: 月度收支明细, 季度收支汇总 and 非生产性开支. They go through review like any draft.
 */
export async function fillDisclosure(ports: Ports, input: { villageId: string; quarter: string }): Promise<{ drafted: string[] }> {
  const books = await booksOf(ports, input.villageId);
  // Who first: the checks below name drafts under review, which only the 两委 may see.
  authorize(books.ctx, reportPolicy.fillDisclosure);
  const q = await reportOf(ports, books, input.villageId, input.quarter);
  if (!q) throw fail.precondition(`${periodLabel(input.quarter)}还没有签字公示的月份，公示后再生成。`);
  const t = books.ctx.village.townshipId;
  const monthRows: string[][] = [];
  for (const m of q.months) {
    const mt = await totals(ports, input.villageId, m);
    if (mt) monthRows.push([periodLabel(m), yuan(mt.incomeFen), yuan(mt.expenseFen), mt.closingFen === null ? '' : yuan(mt.closingFen)]);
  }
  const nonProductive = new Set(['招待费', '办公费', '差旅费']);
  const spending: string[][] = [];
  for (const m of q.months) {
    for (const r of await rowsOfMonth(ports, input.villageId, m)) {
      const a = books.byId.get(r.accountId);
      if (a && nonProductive.has(a.name)) spending.push([r.date, a.name, yuan(r.amountFen), r.summary]);
    }
  }
  const nonProductiveFen = spending.reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0);
  const items: { code: string; title: string; body: Block[]; amountFen?: number }[] = [
    {
      code: '3-1',
      title: `${q.label}月度收支明细`,
      body: [
        { type: 'paragraph', text: `以下为已经民主理财小组签字公示的月份（${q.months.map(periodLabel).join('、')}）。逐笔明细可在“村里的钱”中查看。` },
        { type: 'table', columns: ['月份', '收入（元）', '支出（元）', '月末余额（元）'], rows: monthRows },
      ],
      amountFen: q.expenseFen,
    },
    {
      code: '3-2',
      title: `${q.label}收支汇总`,
      body: [
        {
          type: 'paragraph',
          text: `本季收入 ${yuan(q.incomeFen)} 元，支出 ${yuan(q.expenseFen)} 元${q.openingFen !== null && q.closingFen !== null ? `；季初余额 ${yuan(q.openingFen)} 元，季末余额 ${yuan(q.closingFen)} 元` : ''}。`,
        },
        { type: 'table', columns: ['收支', '科目', '金额（元）'], rows: q.byCategory.map((c) => [c.direction, c.account, yuan(c.amountFen)]) },
      ],
      amountFen: q.incomeFen,
    },
    {
      code: '3-4',
      title: `${q.label}招待费、办公费等非生产性开支`,
      body: spending.length
        ? [{ type: 'table', columns: ['日期', '科目', '金额（元）', '摘要'], rows: spending }]
        : [{ type: 'paragraph', text: '本季度没有招待费、办公费、差旅费支出。' }],
      amountFen: nonProductiveFen,
    },
  ];
  // Check all three first, so the action drafts all of them or none.
  for (const item of items) {
    const current = await ports.store
      .collection<ItemDoc>(C.disclosureItems)
      .get(itemKeyOf({ villageId: input.villageId, quarter: input.quarter, itemId: `${t}:${item.code}` }));
    if (current?.state === 'submitted') throw fail.precondition(`“${current.draft.title}”正在等待监委会审核，审核后再生成。`);
  }
  const drafted: string[] = [];
  for (const item of items) {
    await saveDraft(ports, {
      villageId: input.villageId,
      quarter: input.quarter,
      itemId: `${t}:${item.code}`,
      title: item.title,
      body: item.body,
      amountFen: item.amountFen,
    });
    drafted.push(`${t}:${item.code}`);
  }
  return { drafted };
}
