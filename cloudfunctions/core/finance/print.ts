import type { LedgerRow } from '../../../types/finance';
import type { PrintFile } from '../../../types/print';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { countPrint } from '../limits/api';
import { monthStatementPdf, quarterStatementPdf, type StatementRow, storePdf } from '../print/api';
import { fail } from '../shared/errors';
import type { TownshipDoc } from '../shared/records';
import { reportOf } from './reports';
import { MONTH_KEY } from '../shared/keys';
import { monthsOf, periodLabel } from './rules';
import { booksOf, type Books } from './books';
import { monthView } from './reads';

function rowOf(r: LedgerRow): StatementRow {
  const notes = [
    ...(r.adjusts ? [`调整分录：${r.adjusts.reason}`] : []),
    ...(r.query ? [`理财小组质询：${r.query.reason}`, ...(r.query.answer !== null ? [`会计答复：${r.query.answer}`] : [])] : []),
    ...r.flags.map((f) => `提示：${f}`),
  ];
  return {
    date: r.date,
    direction: r.direction,
    account: r.account,
    amountFen: r.amountFen,
    counterparty: r.counterparty,
    summary: r.summary,
    handler: r.handler,
    notes,
  };
}

async function placeOf(ports: Ports, books: Books): Promise<string> {
  const v = books.ctx.village;
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(v.townshipId);
  return `${township?.county ?? ''}${township?.name ?? ''}${v.name}`;
}

async function monthPdf(ports: Ports, books: Books, villageId: string, month: string): Promise<Uint8Array> {
  const view = await monthView(ports, { villageId, month }, books);
  await countPrint(ports);
  return monthStatementPdf(
    {
      villageName: books.ctx.village.name,
      place: await placeOf(ports, books),
      label: periodLabel(month),
      state: view.state,
      openingFen: view.openingFen,
      incomeFen: view.incomeFen,
      expenseFen: view.expenseFen,
      computedClosingFen: view.computedClosingFen,
      declaredClosingFen: view.declaredClosingFen,
      publishedAt: view.publishedAt,
      rows: view.rows.map(rowOf),
    },
    ports.clock.now(),
  );
}

/** 季汇总 from the totals materialised at publication, and the rows of each published month. */
async function quarterPdf(ports: Ports, books: Books, villageId: string, quarter: string): Promise<Uint8Array> {
  const report = await reportOf(ports, books, villageId, quarter);
  if (!report) throw fail.notFound(`${periodLabel(quarter)}还没有公示的账目。`);
  await countPrint(ports);
  const months = [];
  for (const m of report.months) {
    const view = await monthView(ports, { villageId, month: m }, books);
    months.push({
      label: periodLabel(m),
      incomeFen: view.incomeFen,
      expenseFen: view.expenseFen,
      closingFen: view.declaredClosingFen,
      rows: view.rows.map(rowOf),
    });
  }
  return quarterStatementPdf(
    {
      villageName: books.ctx.village.name,
      place: await placeOf(ports, books),
      label: report.label,
      openingFen: report.openingFen,
      closingFen: report.closingFen,
      incomeFen: report.incomeFen,
      expenseFen: report.expenseFen,
      gapFen: report.gapFen,
      byCategory: report.byCategory,
      months,
      unpublished: monthsOf(quarter)
        .filter((m) => !report.months.includes(m))
        .map(periodLabel),
    },
    ports.clock.now(),
  );
}

/** A month's 收支明细 or a quarter's 收支汇总 as a PDF, for the 公开栏 or the township. */
export async function statementPdf(ports: Ports, input: { villageId: string; period: string }): Promise<PrintFile> {
  const books = await booksOf(ports, input.villageId);
  const month = MONTH_KEY.test(input.period);
  const bytes = month ? await monthPdf(ports, books, input.villageId, input.period) : await quarterPdf(ports, books, input.villageId, input.period);
  return storePdf(ports, input.villageId, `${books.ctx.village.name}${periodLabel(input.period)}${month ? '收支明细' : '收支汇总'}`, bytes);
}
