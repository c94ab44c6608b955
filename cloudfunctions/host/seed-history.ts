import dayjs from 'dayjs';
import type { Block } from '../../types/disclosure';
import { saveDraft, submit, submitQuarter } from '../core/disclosure/drafting';
import { review } from '../core/disclosure/review';
import { lastEndedQuarter } from '../core/disclosure/rules';
import { followUpAdd, followUpClose } from '../core/disclosure/voice';
import { fillDisclosure } from '../core/finance/export';
import { parseQuarterKey, quarterDueDate, shiftQuarterKey, ZONE, type QuarterRef } from '../core/shared/time';
import { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';
import { demoBooksOf, demoWarehouseLeaseOf } from './demo-books';
import { DEMO_CODES, DEMO_ITEMS, LEDGER_DRAFTED, NO_BOOKS_ITEMS, numbers, type DemoContext, type DemoItem } from './demo-disclosures';
import { demoPorts } from './demo-ports';
import { demoRosterFacts } from './demo-roster';
import { DEMO_TOWNSHIP, type DemoVillage } from './demo-villages';

/** When the demo's 会计 drafts a quarter and the 监委会 reviews it: 12 and 8 days before it is due. */
const draftDayOf = (quarter: string) =>
  dayjs
    .tz(quarterDueDate(parseQuarterKey(quarter) as QuarterRef), ZONE)
    .subtract(12, 'day')
    .format('YYYY-MM-DD');
const reviewDayOf = (quarter: string) =>
  dayjs
    .tz(quarterDueDate(parseQuarterKey(quarter) as QuarterRef), ZONE)
    .subtract(8, 'day')
    .format('YYYY-MM-DD');
const chinaHour = (date: string, hour: number) => dayjs.tz(`${date} ${String(hour).padStart(2, '0')}:00`, ZONE).toDate();

/**
 * The quarters a demo village has worked on by `now`, oldest first: the four last reviewed,
 * then the quarter that ended last if its drafting has begun but its review has not.
 */
export function demoHistoryQuarters(now: Date): string[] {
  let last = lastEndedQuarter(now);
  const drafting = chinaHour(reviewDayOf(last), 10) > now && chinaHour(draftDayOf(last), 9) <= now ? [last] : [];
  while (chinaHour(reviewDayOf(last), 10) > now) last = shiftQuarterKey(last, -1);
  return [-3, -2, -1, 0].map((n) => shiftQuarterKey(last, n)).concat(drafting);
}

/** 杨家村's first subsidy list as first published: its first household's 6.8 亩 typed as 6.0. */
function mistyped(item: DemoItem): DemoItem {
  const table = item.body[1] as Extract<Block, { type: 'table' }>;
  const rows = table.rows.map((r, n) => (n === 0 ? [r[0], r[1], '6.0', (6.0 * 125.3).toFixed(2)] : r));
  return { ...item, body: [item.body[0], { ...table, rows }], amountFen: rows.reduce((s, r) => s + Math.round(Number(r[3]) * 100), 0) };
}

/** Items a demo village never published, and quarters it published some items late: completeness has something to show. */
const DEMO_GAPS: Record<string, { quarterIndex: number; missing?: string[]; late?: string[] }> = {
  dajiang: { quarterIndex: 2, missing: ['4-4', '5-3'] },
  diquan: { quarterIndex: 3, late: ['5-1', '5-2', '5-3', '5-4', '6-1', '6-2', '6-3', '6-4'] },
};

/**
 * Four past quarters of 一季一晒 per demo village, through the same services the app calls: the
 * 会计 drafts, the 书记 submits, the 监委会主任 approves — so versions, the audit chain and the
 * quarter totals are exactly what real use would leave. One correction and two 督办 points too.
 */
export async function seedHistory(store: DocStore, d: DemoVillage, villageIndex: number, now: Date, idKey: string): Promise<void> {
  const v = d.village._id;
  const clock = new MovableClock(now);
  const as = (key: string) => demoPorts(store, clock, idKey, `dev-openid-${v}-${key}`);
  const facts = demoRosterFacts(d, villageIndex);
  const heads = facts.heads;
  // Moves the seed's clock to a moment, or says the moment is still to come: the demo holds
  // what real use would have left by `now`, never a record dated after it.
  const at = (date: string, hour: number): boolean => {
    const t = chinaHour(date, hour);
    if (t > now) return false;
    clock.set(t);
    return true;
  };
  const gaps = DEMO_GAPS[v];
  for (const [qi, quarter] of demoHistoryQuarters(now).entries()) {
    const q = parseQuarterKey(quarter) as QuarterRef;
    const due = quarterDueDate(q);
    const draftDay = draftDayOf(quarter);
    const reviewDay = reviewDayOf(quarter);
    const skip = gaps?.quarterIndex === qi ? new Set(gaps.missing ?? []) : new Set<string>();
    const late = gaps?.quarterIndex === qi ? new Set(gaps.late ?? []) : new Set<string>();
    if (!at(draftDay, 9)) continue;
    // The books as they stand on the day the 会计 drafts: the quarter's months were signed by the 6th.
    const base = {
      villageId: v,
      village: d.village.name,
      q,
      secretary: d.secretary,
      director: facts.director,
      accountant: d.accountant,
      supervisor: d.village.supervisor?.name ?? '',
      heads,
      partyMembers: facts.partyMembers,
      lowIncome: facts.lowIncome,
      landTenants: facts.landTenants,
      rentTenant: facts.rentTenant,
      books: await demoBooksOf(as('accountant'), v, quarter),
      warehouseLease: await demoWarehouseLeaseOf(as('accountant'), v),
    };
    // Each item draws its own numbers, so one item's content never depends on which others were drafted.
    const ctxOf = (code: string): DemoContext => ({ ...base, n: numbers(`${v}:${quarter}:${code}`) });
    const draft = async (codes: string[]) => {
      for (const code of codes) {
        if (DEMO_ITEMS[code]) {
          const item = DEMO_ITEMS[code](ctxOf(code));
          await saveDraft(as('accountant'), {
            villageId: v,
            quarter,
            itemId: `${DEMO_TOWNSHIP._id}:${code}`,
            ...(code === '2-3' && v === 'yangjia' && qi === 2 ? mistyped(item) : item),
          });
        }
      }
      if (!codes.some((c) => LEDGER_DRAFTED.includes(c))) return;
      // The money items through the product's own 生成本季度财务公开, as a real 会计 would.
      if (base.books.months.length) await fillDisclosure(as('accountant'), { villageId: v, quarter });
      else
        for (const code of LEDGER_DRAFTED)
          await saveDraft(as('accountant'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, ...NO_BOOKS_ITEMS[code](ctxOf(code)) });
    };
    await draft(DEMO_CODES.filter((code) => !skip.has(code) && !late.has(code)));
    if (!at(draftDay, 16)) continue;
    await submitQuarter(as('secretary'), { villageId: v, quarter });
    if (!at(reviewDay, 10)) continue;
    for (const code of DEMO_CODES) {
      if (skip.has(code) || late.has(code)) continue;
      await review(as('supervisor'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, decision: 'approve' });
    }
    if (late.size) {
      const lateDay = dayjs.tz(due, ZONE).add(6, 'day').format('YYYY-MM-DD');
      if (at(lateDay, 9)) {
        await draft([...late]);
        await submitQuarter(as('secretary'), { villageId: v, quarter });
        if (at(lateDay, 15)) {
          for (const code of late) await review(as('supervisor'), { villageId: v, quarter, itemId: `${DEMO_TOWNSHIP._id}:${code}`, decision: 'approve' });
        }
      }
    }
    if (v === 'yangjia' && qi === 2) {
      // A correction: the subsidy list went out with one household's area mistyped (see `mistyped`).
      const itemId = `${DEMO_TOWNSHIP._id}:2-3`;
      if (!at(dayjs.tz(due, ZONE).add(15, 'day').format('YYYY-MM-DD'), 9)) continue;
      await saveDraft(as('accountant'), { villageId: v, quarter, itemId, ...DEMO_ITEMS['2-3'](ctxOf('2-3')) });
      await submit(as('secretary'), { villageId: v, quarter, itemId, reason: `${heads[0].name}户确权面积录入有误，更正为 6.8 亩，补发差额。` });
      await review(as('supervisor'), { villageId: v, quarter, itemId, decision: 'approve' });
      const point = await followUpAdd(as('supervisor'), { villageId: v, quarter, text: '村民反映村东库房租金偏低，请两委核实同类库房市场租金。' });
      if (!at(dayjs.tz(due, ZONE).add(40, 'day').format('YYYY-MM-DD'), 10)) continue;
      await followUpClose(as('supervisor'), {
        villageId: v,
        quarter,
        followUpId: point.id,
        result: '经核实，租金与周边村同类库房一致；合同到期后将公开竞价。',
      });
    }
    if (v === 'yangjia' && qi === 3) {
      if (!at(dayjs.tz(due, ZONE).add(5, 'day').format('YYYY-MM-DD'), 10)) continue;
      await followUpAdd(as('supervisor'), { villageId: v, quarter, text: '主街道路维修工程待验收，验收后公开结算金额。' });
    }
  }
}
