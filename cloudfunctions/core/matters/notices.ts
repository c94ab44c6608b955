import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { holdersOf, tellIn, type Outgoing } from '../messages/tell';
import { CADRES } from '../shared/policy';
import { chinaDay } from '../shared/time';
import type { VillageDoc } from '../village/model';
import type { MatterDoc } from './model';

/**
 * A proposal that reaches 商议 waits on the 村两委联席会议, so every 两委 member hears of it at
 * once. Who co-signed is not said (a villager's signature is between them and the roster), and
 * the 书记 who proposed it is not told of their own proposal.
 */
export async function tellOfDiscussion(tx: Transaction, matter: MatterDoc, proposerPersonId: string | null, at: string, out: Outgoing): Promise<void> {
  const people = (await holdersOf(tx, matter.villageId, CADRES)).filter((p) => p._id !== proposerPersonId);
  if (people.length === 0) return;
  const village = await tx.get<VillageDoc>(C.villages, matter.villageId);
  const title = Array.from(matter.title).slice(0, 12).join('');
  await tellIn(
    tx,
    {
      openids: people.map((p) => p.boundOpenid as string),
      villageId: matter.villageId,
      text: `议题“${matter.title}”已提交村两委商议。请召开两委联席会议，由书记或主任在“一事一议”里记录商议结果。`,
      link: `/packages/cadre/matters/index?villageId=${matter.villageId}&matterId=${matter._id}`,
      at,
      notice: { kind: 'matter.proposed', fields: { title: `待商议：${title}`, village: village?.name ?? '', date: chinaDay(new Date(at)) } },
    },
    out,
  );
}
