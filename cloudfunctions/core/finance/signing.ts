import type { MonthSigning } from '../../../types/finance';
import type { Role } from '../../../types/roles';
import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { holdersOf, putInbox } from '../messages/api';
import type { PersonDoc } from '../shared/records';
import type { MonthDoc } from './model';
import { periodLabel, type SignRule } from './rules';

/** A point read, from a transaction or from the store: the group is read both ways. */
export type PointRead = <T>(collection: string, id: string) => Promise<T | null>;

export type SigningBody = MonthSigning['body'];

export interface SigningGroup {
  body: SigningBody;
  members: { _id: string; name: string }[];
}

/** What the signatures counted against when the month was published: kept, as the group changes later. */
export interface SignedOff {
  body: SigningBody;
  rule: SignRule;
  members: number;
  needed: number;
}

/**
 * Who signs a village's months off. DOMAIN.md gives signing to the 民主理财小组 and review to the
 * 监委会 (the expense path reads "民主理财小组 / 监委会 review and sign"): where the village has a
 * group, its members sign and the 监委会 supervises — it may query any row, but its signature
 * does not stand in for the group's, or two 监委会 members could publish books no group member
 * agreed to. Where the village has no group yet, the 监委会 does the group's work, under the same
 * rule (one, or a majority of its members).
 *
 * Members are read from the role index the 书记 and the township keep, checked against each
 * person: on the roster now and still holding the role. Whoever keeps the books (会计) is never
 * a member, even if given the role: nobody signs off their own books.
 */
export async function signingGroupOf(read: PointRead, villageId: string): Promise<SigningGroup> {
  const holders = (await read<{ holders: Partial<Record<Role, string[]>> }>(C.villageRoles, villageId))?.holders ?? {};
  async function membersOf(roles: Role[]) {
    const ids = [...new Set(roles.flatMap((r) => holders[r] ?? []))];
    const people = await Promise.all(ids.map((id) => read<PersonDoc>(C.people, id)));
    return people
      .filter((p): p is PersonDoc => {
        const assigned = p?.assignedRoles ?? [];
        return !!p && p.villageId === villageId && p.inRoster && roles.some((r) => assigned.includes(r)) && !assigned.includes('accountant');
      })
      .map((p) => ({ _id: p._id, name: p.name }));
  }
  const panel = await membersOf(['finance_panel']);
  if (panel.length > 0) return { body: '民主理财小组', members: panel };
  return { body: '村务监督委员会', members: await membersOf(['supervisor_chair', 'supervisor']) };
}

const REVIEW_PAGE = (villageId: string, month: string) => `/packages/supervise/ledger-review/index?villageId=${villageId}&month=${month}`;

async function inboxIn(tx: Transaction, people: PersonDoc[], villageId: string, text: string, link: string, at: string): Promise<void> {
  await putInbox(
    tx,
    people.map((p) => p.boundOpenid),
    { villageId, text, link, at },
  );
}

/**
 * The 两委 (the 会计 above all) hear that the month is public, in the same transaction as the
 * publication. Inbox only: nothing waits on them, so no subscribe message is asked for.
 */
export async function tellOfPublished(tx: Transaction, m: MonthDoc, body: SigningBody, names: string[], at: string): Promise<void> {
  const people = await holdersOf(tx, m.villageId, ['accountant', 'secretary', 'director']);
  const text = `${periodLabel(m.month)}的账已由${body}${names.join('、')}签字，向村民公示了。`;
  await inboxIn(tx, people, m.villageId, text, REVIEW_PAGE(m.villageId, m.month), at);
}

/** Whoever had signed learns that the month was reopened and their signature no longer stands. */
export async function tellOfVoided(tx: Transaction, m: MonthDoc, reason: string, at: string): Promise<void> {
  const signers = await Promise.all((m.signatures ?? []).map((s) => tx.get<PersonDoc>(C.people, s.personId)));
  const people = signers.filter((p): p is PersonDoc => !!p && p.villageId === m.villageId && p.inRoster);
  const text = `${periodLabel(m.month)}的账被会计重新打开（${reason}），您的签字已作废。会计改好重新结账后，请再审核签字。`;
  await inboxIn(tx, people, m.villageId, text, REVIEW_PAGE(m.villageId, m.month), at);
}
