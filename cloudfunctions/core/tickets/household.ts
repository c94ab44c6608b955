import type { HouseholdQuestion } from '../../../types/household';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import type { PersonDoc } from '../shared/records';
import { C } from '../collections';
import { askerKeyOf, type TicketDoc } from './model';

/**
 * A household's questions (我家): those its members asked in their own name, and — only when
 * `ownToo`, the member looking at their own household — the caller's anonymous ones too. An
 * anonymous question is never shown to anyone else, the 监委会 included, nor to other members.
 */
export async function householdQuestions(ports: Ports, villageId: string, members: PersonDoc[], ownToo: boolean): Promise<HouseholdQuestion[]> {
  const col = ports.store.collection<TicketDoc>(C.tickets);
  const named = members.length
    ? await col.find({ where: { villageId, askerPersonId: cmd.in(members.map((m) => m._id)) }, orderBy: [['createdAt', 'desc']], limit: 200 })
    : [];
  const openid = ports.caller.openid;
  const mineKey = ownToo && openid ? askerKeyOf(ports, openid) : null;
  const own = mineKey ? await col.find({ where: { askerKey: mineKey, villageId }, orderBy: [['createdAt', 'desc']], limit: 100 }) : [];
  const names = new Map(members.map((m) => [m._id, m.name]));
  const byId = new Map<string, TicketDoc>([...named, ...own].map((t) => [t._id, t]));
  return [...byId.values()]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((t) => {
      const mine = mineKey !== null && t.askerKey === mineKey;
      return {
        ticketId: t._id,
        kind: t.kind,
        text: t.text,
        state: t.state,
        createdAt: t.createdAt,
        anonymous: t.anonymous,
        askedBy: mine ? '我' : (names.get(t.askerPersonId ?? '') ?? ''),
        link: mine ? `/pages/tickets/index?villageId=${villageId}&tab=mine` : null,
      };
    });
}
