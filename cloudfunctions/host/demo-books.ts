import type { Ports } from '../ports';
import { reportOf } from '../core/finance/reports';
import { booksOf, rowsOfMonth } from '../core/finance/books';
import type { DemoBooks } from './demo-disclosures';

/**
 * What a village's published books hold for a quarter, read back through the finance services
 * after the months were signed: the demo's disclosure items quote these figures rather than
 * inventing their own, so a villager who opens 村里的钱 finds the same numbers.
 */
export async function demoBooksOf(ports: Ports, villageId: string, quarter: string): Promise<DemoBooks> {
  const books = await booksOf(ports, villageId);
  const report = await reportOf(ports, books, villageId, quarter);
  if (!report) return { months: [], rows: [], closingFen: null };
  const rows: DemoBooks['rows'] = [];
  for (const month of report.months) {
    for (const r of await rowsOfMonth(ports, villageId, month)) {
      rows.push({
        month,
        date: r.date,
        direction: r.direction,
        account: books.byId.get(r.accountId)?.name ?? '',
        amountFen: r.amountFen,
        counterparty: r.counterparty,
        summary: r.summary,
      });
    }
  }
  return { months: [...report.months].sort(), rows, closingFen: report.closingFen };
}
