import dayjs from 'dayjs';
import { saveDraft, submitQuarter } from '../core/disclosure/drafting';
import { review } from '../core/disclosure/review';
import { fillDisclosure } from '../core/finance/export';
import type { PersonDoc } from '../core/shared/records';
import { parseQuarterKey, quarterDueDate, ZONE, type QuarterRef } from '../core/shared/time';
import { demoBooksOf } from './demo-books';
import { DEMO_CODES, DEMO_ITEMS, LEDGER_DRAFTED, NO_BOOKS_ITEMS, numbers, type DemoBooks, type DemoContext } from './demo-disclosures';
import { rosterOf, SCALE_TOWNSHIP, type ScaleRun } from './scale-plan';
import { scaleLedgerPeople } from './scale-ledger';

/** Households with anyone on 低保, by head: who the 2-2 list names. */
function lowIncomeOf(people: PersonDoc[]): DemoContext['lowIncome'] {
  const covered = new Map<string, number>();
  for (const p of people) if (p.lowIncome) covered.set(p.householdNo, (covered.get(p.householdNo) ?? 0) + 1);
  return people
    .filter((p) => p.relation === '户主' && covered.has(p.householdNo))
    .map((p) => ({ name: p.name, idMasked: p.idMasked, persons: covered.get(p.householdNo) ?? 0 }));
}

/** 一季一晒: every item of every quarter, drafted by the 会计, submitted by the 书记, approved by the 监委会. */
export async function seedScaleDisclosures(run: ScaleRun): Promise<void> {
  const { clock, now, counts, log, batch, villages, quarters, as } = run;
  const t = SCALE_TOWNSHIP;
  const at = (date: string, hour: number) => clock.set(dayjs.tz(`${date} ${String(hour).padStart(2, '0')}:00`, ZONE).toDate());
  for (const [i, v] of villages.entries())
    await batch(async () => {
      const r = rosterOf(run, v.id);
      const heads = r.people
        .filter((p) => p.relation === '户主')
        .slice(0, 16)
        .map((p) => ({ name: p.name, idMasked: p.idMasked }));
      for (const [qi, quarter] of quarters.entries()) {
        const q = parseQuarterKey(quarter) as QuarterRef;
        const due = quarterDueDate(q);
        const lp = scaleLedgerPeople(r.people);
        const base = {
          villageId: v.id,
          village: v.name,
          q,
          secretary: r.people[1].name,
          director: r.people[4].name,
          accountant: r.people[2].name,
          supervisor: r.people[3].name,
          heads,
          partyMembers: r.people
            .filter((p, n) => n !== 1 && p.partyMember)
            .slice(0, 40)
            .map((p) => p.name),
          lowIncome: lowIncomeOf(r.people),
          landTenants: lp.landTenants,
          rentTenant: lp.rentTenant,
          // The scale registers let other buildings: the books' 库房租金 rows have no lease to quote.
          warehouseLease: null,
          books: null as DemoBooks | null,
        };
        const ctxOf = (code: string): DemoContext => ({ ...base, n: numbers(`${v.id}:${quarter}:${code}`) });
        // A few villages publish some items after the due date, so completeness differs between villages.
        const late = (code: string) => (i % 7 === 3 && qi % 5 === 2 && code.startsWith('5-')) || (i % 11 === 6 && qi === quarters.length - 1 && code === '4-4');
        const rounds = [DEMO_CODES.filter((c) => !late(c)), DEMO_CODES.filter(late)];
        for (const [round, codes] of rounds.entries()) {
          if (codes.length === 0) continue;
          const start = dayjs.tz(due, ZONE).add(round === 0 ? -12 : 6, 'day');
          if (start.valueOf() > now.getTime()) continue;
          at(start.format('YYYY-MM-DD'), 9);
          base.books ??= await demoBooksOf(as(v.id, 'accountant'), v.id, quarter);
          for (const code of codes) {
            if (DEMO_ITEMS[code])
              await saveDraft(as(v.id, 'accountant'), { villageId: v.id, quarter, itemId: `${t}:${code}`, ...DEMO_ITEMS[code](ctxOf(code)) });
            else if (!base.books.months.length)
              await saveDraft(as(v.id, 'accountant'), { villageId: v.id, quarter, itemId: `${t}:${code}`, ...NO_BOOKS_ITEMS[code](ctxOf(code)) });
          }
          if (base.books.months.length && codes.some((c) => LEDGER_DRAFTED.includes(c)))
            await fillDisclosure(as(v.id, 'accountant'), { villageId: v.id, quarter });
          at(start.format('YYYY-MM-DD'), 16);
          await submitQuarter(as(v.id, 'secretary'), { villageId: v.id, quarter });
          at(start.add(4, 'day').format('YYYY-MM-DD'), 10);
          for (const code of codes) await review(as(v.id, 'supervisor'), { villageId: v.id, quarter, itemId: `${t}:${code}`, decision: 'approve' });
          counts.disclosures += codes.length;
        }
      }
      log(`  一季一晒 ${v.name} ${quarters.length} 个季度`);
    });
}
