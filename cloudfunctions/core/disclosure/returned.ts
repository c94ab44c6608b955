import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { holdersOf, type Outgoing, tellIn } from '../messages/api';
import type { PersonDoc } from '../shared/records';
import { chinaDay, parseQuarterKey, quarterLabel } from '../shared/time';
import type { VillageDoc } from '../shared/records';
import type { ItemDoc } from './model';

/** The 书记 answers for the village's disclosure, whoever drafted the item. */
const RESPONSIBLE = ['secretary'] as const;

/**
 * A returned draft is stuck until a cadre fixes it, and the quarter's deadline keeps running:
 * the cadre who last wrote it and the 书记 hear of it at once, with the 监委会's reason. The
 * reviewer is left out (they know), and so is anyone no longer on the roster.
 */
export async function tellOfReturn(tx: Transaction, item: ItemDoc, reason: string, reviewerPersonId: string | null, at: string, out: Outgoing): Promise<void> {
  const author = item.draftedBy ? await tx.get<PersonDoc>(C.people, item.draftedBy) : null;
  const people = [...(author && author.villageId === item.villageId && author.inRoster ? [author] : []), ...(await holdersOf(tx, item.villageId, RESPONSIBLE))];
  const openids = people.filter((p) => p._id !== reviewerPersonId && p.boundOpenid).map((p) => p.boundOpenid as string);
  if (openids.length === 0) return;
  const village = await tx.get<VillageDoc>(C.villages, item.villageId);
  const q = parseQuarterKey(item.quarter);
  const quarter = q ? quarterLabel(q) : item.quarter;
  const title = Array.from(item.draft.title).slice(0, 12).join('');
  await tellIn(
    tx,
    {
      openids,
      villageId: item.villageId,
      text: `村务监督委员会退回了${quarter}的“${item.draft.title}”，原因：${reason}。请修改后重新提交审核。`,
      link: `/packages/cadre/disclose/index?villageId=${item.villageId}&quarter=${item.quarter}`,
      at,
      notice: { kind: 'disclosure.returned', fields: { title: `“${title}”被退回`, village: village?.name ?? '', date: chinaDay(new Date(at)) } },
    },
    out,
  );
}
