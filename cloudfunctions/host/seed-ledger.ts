import dayjs from 'dayjs';
import { C } from '../core/collections';
import { booksOf } from '../core/finance/books';
import { closeMonth, sign } from '../core/finance/closing';
import { commitSheet } from '../core/finance/importing';
import { type MonthDoc, monthKeyOf } from '../core/finance/model';
import { monthsOf, previousMonth } from '../core/finance/rules';
import { local, ZONE } from '../core/shared/time';
import { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { isContractRent } from './demo-assets';
import { demoLedgerMonth, LEDGER_HEADER } from './demo-ledger';
import { demoPorts } from './demo-ports';
import { demoRosterFacts } from './demo-roster';
import type { DemoVillage } from './demo-villages';
import { demoHistoryQuarters } from './seed-history';

/**
 * The demo's one month left half-signed: 豆腐李村's latest closed month (the month before last)
 * carries one signature of its 民主理财小组's three. Not 杨家村: the browser tests walk 杨家村's
 * books from its latest published month on.
 */
export const AWAITING_SIGNATURE = { villageId: 'doufuli' } as const;

/**
 * The months a demo village has closed: the fifteen before last month, all published but the
 * last of `AWAITING_SIGNATURE`'s village. Last month is left open.
 */
export function demoLedgerMonths(now: Date): string[] {
  let key = previousMonth(local(now).format('YYYY-MM'));
  const out: string[] = [];
  for (let i = 0; i < 15; i += 1) {
    key = previousMonth(key);
    out.unshift(key);
  }
  return out;
}

/**
 * Fifteen months of books per demo village through the services the app calls: the 会计 imports
 * each month's sheet and closes it, the 民主理财小组 signs. Opening balances chain month to month.
 */
export async function seedLedger(store: DocStore, d: DemoVillage, villageIndex: number, now: Date, idKey: string): Promise<void> {
  const v = d.village._id;
  const clock = new MovableClock(now);
  const as = (key: string) => demoPorts(store, clock, idKey, `dev-openid-${v}-${key}`);
  const facts = demoRosterFacts(d, villageIndex);
  const people = { accountant: d.accountant, secretary: d.secretary, director: facts.director, landTenants: facts.landTenants, rentTenant: facts.rentTenant };
  const months = demoLedgerMonths(now);
  // 杨家村's road repair is paid in the middle month of the last quarter the 监委会 has reviewed,
  // the quarter whose 督办 point waits for its acceptance.
  const roadMonth = monthsOf(demoHistoryQuarters(now)[3])[1];
  let balance = 38_650_000 + villageIndex * 7_310_000;
  for (const [i, month] of months.entries()) {
    const rows = demoLedgerMonth(v, month, people, { bigProject: v === 'yangjia' && month === roadMonth, lavish: v === 'doufuli' && i === months.length - 2 });
    const next = dayjs.tz(`${month}-01`, ZONE).add(1, 'month');
    // Imported on the 2nd, closed on the 4th, signed on the 6th: the quarter's books are public
    // before the 会计 drafts its disclosure on the 8th, which quotes them.
    clock.set(next.add(1, 'day').hour(9).toDate());
    // The month's sheet as the import reads it, built in memory rather than written to a file.
    // Rent on a contract is not in it: the 会计 booked it against the contract the day it came in
    // (seed-assets, which runs first).
    const imported = rows.filter((r) => !isContractRent(r, people.landTenants));
    const sheet = {
      header: LEDGER_HEADER,
      rows: imported.map((r, n) => ({ row: n + 2, cells: [r.date, r.direction, r.account, r.yuan, r.counterparty, r.summary, r.handler] })),
    };
    const accountant = as('accountant');
    await commitSheet(accountant, await booksOf(accountant, v), { villageId: v, fileName: `${month}.xlsx`, sheet, fileKey: `demo-${month}` });
    // The month as the books hold it: the import and every row booked on its own.
    const held = await store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(v, month));
    const closing = balance + (held?.incomeFen ?? 0) - (held?.expenseFen ?? 0);
    clock.set(next.add(3, 'day').hour(10).toDate());
    await closeMonth(as('accountant'), { villageId: v, month, declaredClosingFen: closing, ...(i === 0 ? { openingFen: balance } : {}) });
    // Signed jointly on the 6th: a majority of the group of three (the township's default rule).
    clock.set(next.add(5, 'day').hour(15).toDate());
    await sign(as('finance'), { villageId: v, month });
    if (v === AWAITING_SIGNATURE.villageId && i === months.length - 1) {
      // The one month the demo leaves waiting: one signature of three, so the review page has
      // a joint signing to show (已签 1/3 …；还需 1 人). Its village cannot close the month after
      // until another member signs, as in real use.
      balance = closing;
      continue;
    }
    clock.set(next.add(5, 'day').hour(17).toDate());
    await sign(as(i % 2 === 0 ? 'finance-2' : 'finance-3'), { villageId: v, month });
    balance = closing;
  }
}
