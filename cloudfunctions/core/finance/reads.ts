import type { MonthView } from '../../../types/finance';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { fail } from '../shared/errors';
import { accountView } from './accounts';
import { booksOf, isInsider, rowsOfMonth, type Books } from './books';
import { monthKeyOf, newMonth, type MonthDoc } from './model';
import { hospitalityOf } from './rules';
import { signingGroupOf } from './signing';
import { monthListOf, monthViewOf, rowViews, signingOf } from './views';

// The ledger as the 会计, the panel and villagers read it, month by month.

export async function accounts(ports: Ports, input: { villageId: string }) {
  const books = await booksOf(ports, input.villageId);
  return { accounts: books.accounts.map(accountView) };
}

/**
 * The village's months, newest first, each with its due dates and whether it is late. Published
 * months are public; the others only to the 两委, the panel and the 监委会.
 */
export async function months(ports: Ports, input: { villageId: string }) {
  const books = await booksOf(ports, input.villageId);
  const insider = isInsider(books.ctx);
  const docs = await ports.store.collection<MonthDoc>(C.ledgerMonths).find({
    where: insider ? { villageId: input.villageId } : { villageId: input.villageId, state: 'published' },
    orderBy: [['month', 'desc']],
    limit: 240,
  });
  return { months: monthListOf(docs, insider, ports.clock.now(), books.settings) };
}

export async function monthView(ports: Ports, input: { villageId: string; month: string }, books?: Books): Promise<MonthView> {
  const b = books ?? (await booksOf(ports, input.villageId));
  const m = (await ports.store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(input.villageId, input.month))) ?? newMonth(input.villageId, input.month);
  if (m.state !== 'published' && !isInsider(b.ctx)) {
    throw fail.notFound(`${input.month.slice(0, 4)}年${Number(input.month.slice(5, 7))}月的账还没有公示。`);
  }
  const [rows, group] = await Promise.all([
    rowsOfMonth(ports, input.villageId, input.month),
    signingGroupOf((c, id) => ports.store.collection(c).get(id) as never, input.villageId),
  ]);
  const hospitality = hospitalityOf(rows, b);
  const signing = signingOf(m, group, b.settings.ledgerSignatures, b.ctx.person?._id ?? null);
  return monthViewOf(input.villageId, m, signing, await rowViews(ports, rows, b, () => hospitality));
}

export const month = (ports: Ports, input: { villageId: string; month: string }) => monthView(ports, input);
