import dayjs from 'dayjs';
import { parseQuarterKey, quarterDueDate, ZONE, type QuarterRef } from '../core/shared/time';
import { answer, close as closeTicket, rate } from '../core/tickets/answers';
import { ask, file } from '../core/tickets/filing';
import { triage } from '../core/tickets/triage';
import type { AnswerRating } from '../../types/tickets';
import { DEMO_ITEMS } from './demo-disclosures';
import { demoPorts } from './demo-ports';
import { DAY, rosterOf, SCALE_TOWNSHIP, type ScaleRun } from './scale-plan';

const QUESTION_TEXTS = [
  '这笔钱是怎么用的？请说明一下明细。',
  '补贴名单上为什么没有我家？',
  '这个工程是谁承包的，怎么选的？',
  '金额和去年比多了不少，是什么原因？',
];
const REPORT_TEXTS = [
  '村西路灯坏了一个多月，晚上出行不方便。',
  '垃圾清运不及时，村南坑塘边堆了很多垃圾。',
  '低保评定不公开，希望把评议过程公示。',
  '集体机动地承包价格偏低，建议公开竞价。',
  '村里的排水沟堵了，下雨就积水。',
];
const ANSWERS = ['已经核实，明细已在村务公开栏补充公示。', '已安排人员处理，三天内完成。', '经两委研究，下季度统一公开竞价。', '已向镇里反映，等待统一安排。'];
const RATINGS: AnswerRating[] = ['满意', '满意', '基本满意', '满意', '不满意', '基本满意'];

/**
 * 码上监督: questions about published items, reports and suggestions, answered, rated, closed;
 * the last weeks' ones still open.
 */
export async function seedScaleTickets(run: ScaleRun): Promise<void> {
  const { store, clock, idKey, now, o, counts, log, batch, villages, quarters, months, as } = run;
  const t = SCALE_TOWNSHIP;
  const perVillage = Math.ceil(o.tickets / villages.length);
  for (const v of villages)
    await batch(async () => {
      const r = rosterOf(run, v.id);
      const askers = r.adults.filter((p) => r.bound.has(p._id));
      // From the first quarter's publication on: there is something to ask about.
      const start = dayjs.tz(`${months[0]}-01`, ZONE).add(6, 'month');
      const spanMs = now.getTime() - 3 * DAY - start.valueOf();
      const assignee = r.people[4]._id;
      for (let k = 0; k < perVillage && counts.tickets < o.tickets; k += 1) {
        const when = new Date(start.valueOf() + Math.floor((spanMs * k) / perVillage));
        clock.set(when);
        const asker = askers[(k * 13) % askers.length];
        const mine = demoPorts(store, clock, idKey, asker.boundOpenid as string);
        const kind = k % 4;
        let ticketId: string;
        if (kind === 0) {
          const quarter =
            [...quarters].reverse().find((qk) => quarterDueDate(parseQuarterKey(qk) as QuarterRef) < dayjs.tz(when, ZONE).format('YYYY-MM-DD')) ?? quarters[0];
          const codes = Object.keys(DEMO_ITEMS);
          // An item published late is not there to ask about yet: the villager reports instead.
          const view =
            (await ask(mine, {
              villageId: v.id,
              subject: { type: 'disclosure', quarter, itemId: `${t}:${codes[k % codes.length]}` },
              text: QUESTION_TEXTS[k % QUESTION_TEXTS.length],
            }).catch(() => null)) ??
            (await file(mine, { villageId: v.id, kind: 'report', category: '财务类', text: REPORT_TEXTS[k % REPORT_TEXTS.length], anonymous: false }));
          ticketId = view.id;
        } else {
          const view = await file(mine, {
            villageId: v.id,
            kind: kind === 3 ? 'suggestion' : 'report',
            category: (['党务类', '村务类', '财务类'] as const)[k % 3],
            text: REPORT_TEXTS[k % REPORT_TEXTS.length],
            anonymous: k % 5 === 0,
          });
          ticketId = view.id;
        }
        counts.tickets += 1;
        // The last three weeks' tickets are still being handled.
        if (now.getTime() - when.getTime() < 21 * DAY) continue;
        clock.set(new Date(when.getTime() + 2 * DAY));
        const decision = k % 10 === 7 ? '私事' : '小事';
        await triage(as(v.id, 'supervisor'), {
          villageId: v.id,
          ticketId,
          decision,
          reason: decision === '私事' ? '属于个人家事，建议通过调解委员会协商。' : '交村委会主任办理。',
          ...(decision === '小事' ? { assigneePersonId: assignee } : {}),
        });
        // One in twenty is left past its date: the township sees it as overdue.
        if (decision === '小事' && k % 20 === 11) continue;
        clock.set(new Date(when.getTime() + (3 + (k % 6)) * DAY));
        if (decision === '小事') await answer(as(v.id, 'director'), { villageId: v.id, ticketId, text: ANSWERS[k % ANSWERS.length] });
        if (k % 3 === 2) continue; // not every asker rates
        clock.set(new Date(when.getTime() + 10 * DAY));
        const rating = RATINGS[k % RATINGS.length];
        await rate(mine, { villageId: v.id, ticketId, rating });
        if (rating === '不满意') continue;
        clock.set(new Date(when.getTime() + 12 * DAY));
        await closeTicket(as(v.id, 'supervisor'), { villageId: v.id, ticketId, result: '已办结，提出人认可。' });
      }
      log(`  码上监督 ${v.name} 累计 ${counts.tickets} 条`);
    });
}
