// 三事分流 by the 监委会, and whom a 小事 can be handed to.
import type { Assignee, TicketView, Triage } from '../../../types/tickets';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { authorize, callerInVillage, townshipStaffOpenids } from '../caller/api';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import { answered } from './answers';
import { change } from './change';
import { chinaDay, kindWord } from './model';
import { tellAsker, tellAssignee, tellTownship, villageNameOf } from './notices';
import { ticketPolicy } from './policy';
import { assignableRolesOf, byRoleThenName } from './rules';

async function assigneesOf(ports: Ports, villageId: string): Promise<Assignee[]> {
  const holders = (await ports.store.collection<{ _id: string; holders: Record<string, string[]> }>(C.villageRoles).get(villageId))?.holders ?? {};
  const roles = assignableRolesOf(holders);
  const people = await Promise.all([...roles.keys()].map((id) => ports.store.collection<PersonDoc>(C.people).get(id)));
  // Only people who can be told: a role holder who never bound an account would never hear of it.
  return people
    .filter((p): p is PersonDoc => !!p && p.villageId === villageId && p.inRoster && !!p.boundOpenid)
    .map((p) => ({ personId: p._id, name: p.name, roles: roles.get(p._id) ?? [] }))
    .sort(byRoleThenName);
}

/** Who a 小事 can be handed to, for the 监委会's triage. */
export async function assignees(ports: Ports, input: { villageId: string }): Promise<{ people: Assignee[] }> {
  authorize(await callerInVillage(ports, input.villageId), ticketPolicy.assignees);
  return { people: await assigneesOf(ports, input.villageId) };
}

/**
 * 三事分流: 大事 go to the township; 小事 stay with the village, handed to a named person who is
 * told at once and answers it; 私事 are answered at once with guidance (the reason is the guidance).
 */
export async function triage(
  ports: Ports,
  input: { villageId: string; ticketId: string; decision: Triage; reason: string; assigneePersonId?: string },
): Promise<TicketView> {
  // Who may triage is settled before anything about the village's people is looked at.
  const caller = await callerInVillage(ports, input.villageId);
  authorize(caller, ticketPolicy.triage);
  const staff = input.decision === '大事' ? await townshipStaffOpenids(ports, caller.village.townshipId) : [];
  let assignee: Assignee | null = null;
  if (input.decision === '小事') {
    if (!input.assigneePersonId) throw fail.invalid('小事要交给村里一位具体的人办理，请选择办理人。');
    assignee = (await assigneesOf(ports, input.villageId)).find((a) => a.personId === input.assigneePersonId) ?? null;
    if (!assignee) throw fail.invalid('办理人要是本村两委、监委会或民主理财小组成员，并且已经绑定微信。');
  } else if (input.assigneePersonId) {
    throw fail.invalid('只有小事需要指定办理人。');
  }
  return change(ports, input, ticketPolicy.triage, 'tickets.triage', async (doc, _ctx, tx, at, out) => {
    if (doc.state !== 'open') throw fail.precondition('只有待处理的事项可以分流。');
    const t = { decision: input.decision, reason: input.reason, at };
    if (input.decision === '大事') {
      await tellTownship(
        tx,
        doc,
        staff,
        `${await villageNameOf(tx, doc.villageId)}村务监督委员会把一条${kindWord(doc)}作为大事转到镇里：${input.reason}`,
        at,
        out,
      );
      return { triage: t, state: 'escalated', escalated: { at, why: 'major' }, assignee: null };
    }
    if (input.decision === '私事') {
      await answered(tx, doc, at);
      await tellAsker(tx, ports.idKey, doc, at, out);
      return {
        triage: t,
        state: 'answered',
        assignee: null,
        firstAnsweredAt: doc.firstAnsweredAt ?? at,
        answers: [...doc.answers, { text: input.reason, at, byPersonId: null }],
      };
    }
    const a = assignee as Assignee;
    await tellAssignee(tx, doc, a.personId, `村务监督委员会把一条${kindWord(doc)}交给您办理，请在 ${chinaDay(doc.dueAt)} 前答复。`, at, out);
    return { triage: t, assignee: { personId: a.personId, name: a.name, at } };
  });
}
