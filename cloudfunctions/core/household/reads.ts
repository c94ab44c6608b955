import type { HouseholdEntry, HouseholdView } from '../../../types/household';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { actorOf, authorize, callerInVillage, type CallerInVillage } from '../caller/api';
import { C } from '../collections';
import { labelOf, publishedTables } from '../disclosure/api';
import { householdMatters } from '../matters/api';
import { putInbox } from '../messages/api';
import { nameKey } from '../people/api';
import { fail } from '../shared/errors';
import { findAll } from '../shared/paging';
import type { PersonDoc } from '../shared/records';
import { householdQuestions } from '../tickets/api';
import { householdPolicy } from './policy';
import { cellKindOf, matchRow, type Member } from './rules';

/** 我家: what the village has published about one household, for its members and the 监委会. */

const itemLink = (villageId: string, e: { quarter: string; itemId: string; version: number }) =>
  `/pages/item/index?villageId=${villageId}&quarter=${e.quarter}&itemId=${encodeURIComponent(e.itemId)}&version=${e.version}`;

/** The household's members on the roster today, the head first. */
async function membersOf(ports: Ports, villageId: string, householdNo: string): Promise<PersonDoc[]> {
  const people = await findAll(ports.store.collection<PersonDoc>(C.people), { villageId, inRoster: true, householdNo });
  return people.sort((a, b) => Number(b.isHouseholdHead) - Number(a.isHouseholdHead) || a._id.localeCompare(b._id));
}

/** How many of the village's people go by each member's name: a shared name needs the ID number to tell. */
async function namesakesOf(ports: Ports, villageId: string, members: PersonDoc[]): Promise<Map<string, number>> {
  const keys = [...new Set(members.map((m) => nameKey(m.name)))];
  const counts = await Promise.all(keys.map((k) => ports.store.collection<PersonDoc>(C.people).count({ villageId, nameKey: k })));
  return new Map(keys.map((k, i) => [k, counts[i]]));
}

/** Every row of every published list that names a member, newest quarter first. */
export async function entriesOf(ports: Ports, villageId: string, people: PersonDoc[]): Promise<HouseholdEntry[]> {
  const members: Member[] = people.map((p) => ({ personId: p._id, name: p.name, idMasked: p.idMasked }));
  const [lists, namesakes] = await Promise.all([publishedTables(ports, villageId), namesakesOf(ports, villageId, people)]);
  const entries: HouseholdEntry[] = [];
  for (const list of lists) {
    for (const [t, table] of list.tables.entries()) {
      for (const [r, row] of table.rows.entries()) {
        const match = matchRow(table.columns, row, members, namesakes);
        if (!match) continue;
        entries.push({
          quarter: list.quarter,
          quarterLabel: labelOf(list.quarter),
          itemId: list.itemId,
          category: list.category,
          title: list.title,
          version: list.version,
          approvedAt: list.approvedAt,
          member: match.members.map((m) => m.name).join('、'),
          certain: match.certain,
          at: `${t}:${r}`,
          cells: table.columns.map((column, i) => ({ column, text: row[i] ?? '', kind: cellKindOf(column) })),
          link: itemLink(villageId, { quarter: list.quarter, itemId: list.itemId, version: list.version }),
        });
      }
    }
  }
  return entries.sort((a, b) => b.quarter.localeCompare(a.quarter) || a.itemId.localeCompare(b.itemId, 'en'));
}

async function viewOf(ports: Ports, ctx: CallerInVillage, householdNo: string, viewer: HouseholdView['viewer']): Promise<HouseholdView> {
  const villageId = ctx.village._id;
  const people = await membersOf(ports, villageId, householdNo);
  const [entries, matters, questions] = await Promise.all([
    entriesOf(ports, villageId, people),
    householdMatters(ports, ctx.village, people),
    householdQuestions(ports, villageId, people, viewer === 'member'),
  ]);
  return {
    villageId,
    villageName: ctx.village.name,
    members: people.map((p) => ({ name: p.name, relation: p.relation })),
    entries,
    shares: matters.shares,
    votes: matters.votes,
    questions,
    viewer,
  };
}

/** 我家: the caller's own household, found from their verified roster person, never from the input. */
export async function mine(ports: Ports, input: { villageId: string }): Promise<HouseholdView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, householdPolicy.mine);
  if (!ctx.person) throw fail.unverified();
  return viewOf(ports, ctx, ctx.person.householdNo, 'member');
}

/**
 * The 监委会 looks at a household (a complaint about a subsidy, a dispute over a share): the look
 * goes on the village's audit chain with its reason, and the household's members are told in their
 * inbox who looked and why — a look they would never learn of is one nobody has to justify.
 */
export async function inspect(ports: Ports, input: { villageId: string; personId: string; reason: string }): Promise<HouseholdView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, householdPolicy.inspect);
  const person = await ports.store.collection<PersonDoc>(C.people).get(input.personId);
  if (!person || person.villageId !== input.villageId || !person.inRoster) throw fail.notFound('花名册上没有这个人。');
  const members = await membersOf(ports, input.villageId, person.householdNo);
  const at = ports.clock.now().toISOString();
  const who = `村务监督委员会 ${ctx.person?.name ?? ''}`.trim();
  await ports.store.transaction(async (tx) => {
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'household.inspect',
      target: `household:${person.householdNo}`,
      change: { personId: person._id, householdNo: person.householdNo, reason: input.reason },
      at,
    });
    await putInbox(
      tx,
      members.map((m) => m.boundOpenid),
      {
        villageId: input.villageId,
        text: `${who}查看了您家在村务公开里的记录（我家）。理由：${input.reason}`,
        link: `/pages/household/index?villageId=${input.villageId}`,
        at,
      },
    );
  });
  return viewOf(ports, ctx, person.householdNo, 'supervisor');
}
