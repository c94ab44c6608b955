import type { Ports } from '../../ports';
import { readAll, type Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { holdersOf, type Outgoing, putInboxMany, tellIn } from '../messages/api';
import { CADRES } from '../shared/policy';
import { chinaDay, local } from '../shared/time';
import type { VillageDoc } from '../shared/records';
import type { ElectorDoc, MatterDoc, MeetingDoc } from './model';

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

const matterPage = (m: MeetingDoc) => `/pages/matters/index?villageId=${m.villageId}&matterId=${m.matterId}`;

/** Tells a vote's electors (or those `who` picks) in their inbox and by subscription message. */
export async function tellElectors(
  ports: Ports,
  m: MeetingDoc,
  title: string,
  text: string,
  kind: string,
  who: (e: ElectorDoc) => boolean = () => true,
): Promise<number> {
  const at = ports.clock.now().toISOString();
  const village = await ports.store.collection<VillageDoc>(C.villages).get(m.villageId);
  const electors = await readAll(ports.store.collection<ElectorDoc>(C.voteElectors), { where: { meetingId: m._id }, orderBy: [['name', 'asc']] });
  const to = electors.filter((e) => e.openid && who(e)).map((e) => e.openid as string);
  // `about` lets the inbox say 表决已结束 once the vote is over, rather than still asking.
  await putInboxMany(ports.store, to, { villageId: m.villageId, text, link: matterPage(m), at, about: { meetingId: m._id } });
  if (to.length)
    await ports.notifier.send(to, {
      kind,
      page: matterPage(m).slice(1),
      fields: { title, village: village?.name ?? '', date: local(new Date(m.closesAt)).format('YYYY-MM-DD HH:mm') },
    });
  return to.length;
}
