import dayjs from 'dayjs';
import { C } from '../core/collections';
import { booksOf } from '../core/finance/books';
import { closeMonth, sign } from '../core/finance/closing';
import { commitSheet } from '../core/finance/importing';
import { type MonthDoc, monthKeyOf } from '../core/finance/model';
import type { PersonDoc } from '../core/shared/records';
import { ZONE } from '../core/shared/time';
import { numbers } from './demo-disclosures';
import { demoLedgerMonth, LEDGER_HEADER, type DemoLedgerPeople, type DemoLedgerRow } from './demo-ledger';
import { rosterOf, type ScaleRun, type ScaleVillage } from './scale-plan';
import { POSTS } from './scale-roster';

/**
 * Who the books pay and collect from. Tenants are heads of households past the posts (rows 0–6)
 * with no one on 低保: whoever pays the collective a large land fee is not a 低保 household.
 */
export function scaleLedgerPeople(people: PersonDoc[]): DemoLedgerPeople {
  const poor = new Set(people.filter((p) => p.lowIncome).map((p) => p.householdNo));
  const posts = new Set(people.slice(0, POSTS.length).map((p) => p.householdNo));
  const heads = people.filter((p) => p.relation === '户主' && !poor.has(p.householdNo) && !posts.has(p.householdNo));
  return {
    accountant: people[2].name,
    secretary: people[1].name,
    director: people[4].name,
    landTenants: [heads[0].name, heads[1].name],
    rentTenant: heads[2].name,
  };
}

/** A scale village's month as the demo's: subsidies, land fees, pay, office costs. */
export function scaleBaseRows(v: ScaleVillage, month: string, people: DemoLedgerPeople): DemoLedgerRow[] {
  return demoLedgerMonth(v.id, month, people, { lavish: month.endsWith('-12') && v.id === 's02' });
}

/** The demo month's rows plus the many small ones a large village books: 公益岗 pay, 保洁, repairs. */
function scaleLedgerMonth(v: ScaleVillage, month: string, people: DemoLedgerPeople & { workers: string[] }, target: number): DemoLedgerRow[] {
  const rows = scaleBaseRows(v, month, people);
  const n = numbers(`scale-ledger:${v.id}:${month}`);
  let i = 0;
  while (rows.length < target) {
    const d = String((i % 27) + 1).padStart(2, '0');
    const worker = people.workers[i % people.workers.length];
    const kind = i % 5;
    if (kind === 0)
      rows.push({
        date: `${month}-${d}`,
        direction: '支出',
        account: '公益支出',
        yuan: (n(8, 16) * 100).toFixed(2),
        counterparty: worker,
        summary: '公益岗位补贴',
        handler: people.accountant,
      });
    else if (kind === 1)
      rows.push({
        date: `${month}-${d}`,
        direction: '支出',
        account: '其他管理费用',
        yuan: (n(20, 300) + n(0, 99) / 100).toFixed(2),
        counterparty: '沾化区五金建材店',
        summary: '村内设施零星维修材料',
        handler: people.accountant,
      });
    else if (kind === 2)
      rows.push({
        date: `${month}-${d}`,
        direction: '收入',
        account: '经营收入',
        yuan: (n(50, 800) * 10).toFixed(2),
        counterparty: worker,
        summary: '集体果园采摘收入',
        handler: people.accountant,
      });
    else if (kind === 3)
      rows.push({
        date: `${month}-${d}`,
        direction: '支出',
        account: '公益支出',
        yuan: (n(3, 9) * 100).toFixed(2),
        counterparty: worker,
        summary: '村内保洁、绿化养护',
        handler: people.accountant,
      });
    else
      rows.push({
        date: `${month}-${d}`,
        direction: '收入',
        account: '其他收入',
        yuan: (n(1, 20) * 50).toFixed(2),
        counterparty: worker,
        summary: '村民交纳有线电视费',
        handler: people.accountant,
      });
    i += 1;
  }
  return rows;
}

/** 村级账目: each month imported, closed, signed. First, so the quarters' money items can quote them. */
export async function seedScaleLedgers(run: ScaleRun): Promise<void> {
  const { store, clock, o, counts, log, batch, villages, months, as } = run;
  for (const [i, v] of villages.entries())
    await batch(async () => {
      const r = rosterOf(run, v.id);
      const people = { ...scaleLedgerPeople(r.people), workers: r.adults.slice(10, 60).map((p) => p.name) };
      let balance = 38_650_000 + i * 731_000;
      for (const month of months) {
        // Contract fees are in the month already, each booked against its contract the day it
        // came in (scale-assets); the import brings the month to its size.
        const booked = (await store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(v.id, month)))?.rowCount ?? 0;
        const rows = scaleLedgerMonth(v, month, people, o.ledgerRowsPerMonth - booked);
        const next = dayjs.tz(`${month}-01`, ZONE).add(1, 'month');
        // As in the demo: signed by the 6th, before the quarter's disclosure is drafted from it.
        clock.set(next.add(1, 'day').hour(9).toDate());
        const sheet = {
          header: LEDGER_HEADER,
          rows: rows.map((x, n) => ({ row: n + 2, cells: [x.date, x.direction, x.account, x.yuan, x.counterparty, x.summary, x.handler] })),
        };
        const accountant = as(v.id, 'accountant');
        await commitSheet(accountant, await booksOf(accountant, v.id), { villageId: v.id, fileName: `${month}.xlsx`, sheet, fileKey: `scale-${month}` });
        const held = await store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(v.id, month));
        if (!held) throw new Error(`scale ledger: ${v.id} ${month} has no month after its import`);
        const closing = balance + held.incomeFen - held.expenseFen;
        clock.set(next.add(3, 'day').hour(10).toDate());
        await closeMonth(as(v.id, 'accountant'), {
          villageId: v.id,
          month,
          declaredClosingFen: closing,
          ...(month === months[0] ? { openingFen: balance } : {}),
        });
        clock.set(next.add(5, 'day').hour(15).toDate());
        await sign(as(v.id, 'finance'), { villageId: v.id, month });
        balance = closing;
        counts.ledgerRows += held.rowCount;
      }
      log(`  账目 ${v.name} ${months.length} 个月`);
    });
}
