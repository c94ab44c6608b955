import type { Ports } from '../ports';
import type { AssetDoc, ContractDoc } from '../core/assets/model';
import { C } from '../core/collections';
import { reportOf } from '../core/finance/reports';
import { booksOf, rowsOfMonth } from '../core/finance/books';
import { findAll } from '../core/shared/paging';
import { DEMO_WAREHOUSE } from './demo-assets';
import type { DemoBooks, DemoContext } from './demo-disclosures';

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

/**
 * The warehouse's lease as the village's 三资 register holds it, read back like the books: its
 * term depends on the day the demo is seeded (seed-assets), so 5-2 quotes the register rather
 * than a term of its own. None while the register has no lease of it.
 */
export async function demoWarehouseLeaseOf(ports: Ports, villageId: string): Promise<DemoContext['warehouseLease']> {
  const warehouse = (await findAll(ports.store.collection<AssetDoc>(C.assets), { villageId })).find((a) => a.name === DEMO_WAREHOUSE);
  if (!warehouse) return null;
  const leases = await findAll(ports.store.collection<ContractDoc>(C.contracts), { villageId });
  const lease = leases.find((c) => c.subject.type === 'asset' && c.subject.id === warehouse._id && c.createdAt <= ports.clock.now().toISOString());
  return lease ? { startOn: lease.startOn, endOn: lease.endOn } : null;
}
