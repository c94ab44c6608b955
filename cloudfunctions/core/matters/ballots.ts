import { randomBytes } from 'node:crypto';
import type { Choice, MeetingView, VoteReceipt } from '../../../types/matters';
import { BODY_NAMES } from '../../../types/matters';
import type { Ports } from '../../ports';
import { readAll, type Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { limitedTransaction } from '../limits/api';
import { fail } from '../shared/errors';
import { CHOICE_KEY, type ElectorDoc, type MarkDoc, type MeetingDoc } from './model';
import { votingPolicy } from './policy';
import { meetingOf } from './read';
import { CHOICES, openForVoting } from './rules';
import { addToTally, readTallyIn } from './tally';
import { meetingViews } from './views';

/** Taking part in a vote: online, in person (by name or by the counted box), and the list the 监委会 works from. */

/** A receipt a voter can copy down: 16 characters without 0/O or 1/I. */
function newReceipt(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  // Four groups of four, easy to read out and compare.
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4)).join('-');
}

const ALREADY = '这个人已经投过票或登记过到会（网上或现场），每人只有一票。';

/**
 * One ballot in one transaction: the mark (that this person took part), the ballot, and the
 * tally. The mark's id is the meeting and the person, so a second vote by any channel finds it
 * and is refused; concurrent ones cannot both commit.
 */
async function cast(
  tx: Transaction,
  m: MeetingDoc,
  personId: string,
  choice: Choice | null,
  channel: 'online' | 'in_person',
  recordedBy: string | null,
  at: string,
): Promise<string | null> {
  const markId = `${m._id}:${personId}`;
  if (await tx.get(C.voteMarks, markId)) throw fail.conflict(channel === 'online' ? '您已经投过票了（网上或现场），每人只有一票。' : ALREADY);
  await tx.add(C.voteMarks, { _id: markId, meetingId: m._id, personId, channel, at, recordedBy });
  const counted = await addToTally(tx, m._id, 'vote', (t) => ({
    present: t.present + 1,
    online: t.online + (channel === 'online' ? 1 : 0),
    inPerson: t.inPerson + (channel === 'in_person' ? 1 : 0),
    ...(choice ? { [CHOICE_KEY[choice]]: t[CHOICE_KEY[choice]] + 1 } : {}),
  }));
  if (!counted) throw fail.precondition('这次表决已经结束。');
  let receipt: string | null = null;
  if (choice) {
    if (m.secret) {
      receipt = newReceipt();
      await tx.add(C.ballots, { _id: `${m._id}:r:${receipt}`, meetingId: m._id, choice, channel, personId: null, receipt });
    } else {
      await tx.add(C.ballots, { _id: markId, meetingId: m._id, choice, channel, personId, receipt: null });
    }
  }
  return receipt;
}

/** 网上投票: an elector votes for themself. A secret ballot answers with the receipt, once. */
export async function vote(ports: Ports, input: { villageId: string; meetingId: string; choice: Choice }): Promise<VoteReceipt> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.vote);
  const person = ctx.person;
  if (!person) throw fail.unverified();
  const now = ports.clock.now();
  // The allowance is counted in the ballot's own transaction: one round trip per vote.
  const receipt = await limitedTransaction(ports, 'vote', ctx.openid, async (tx) => {
    const m = await meetingOf(tx, ports, input.villageId, input.meetingId);
    openForVoting(m, now);
    if (!(await tx.get(C.voteElectors, `${m._id}:${person._id}`))) throw fail.denied(`您不在这次${BODY_NAMES[m.body]}的表决名单里（名单在表决开始时确定）。`);
    return cast(tx, m, person._id, input.choice, 'online', null, now.toISOString());
  });
  return { receipt, choice: input.choice };
}

/**
 * 现场: the 监委会 records a named person's paper ballot or show of hands, or — with no choice —
 * that they attended (which counts for the quorum). In a secret vote only attendance is recorded
 * by name; the box is counted apart (recordPaperBox).
 */
export async function recordInPerson(ports: Ports, input: { villageId: string; meetingId: string; personId: string; choice?: Choice }): Promise<MeetingView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.recordInPerson);
  const now = ports.clock.now();
  const at = now.toISOString();
  const meeting = await ports.store.transaction(async (tx) => {
    const m = await meetingOf(tx, ports, input.villageId, input.meetingId);
    openForVoting(m, now);
    if (m.secret && input.choice) throw fail.invalid('不记名表决：现场只登记到会的人，选票投进票箱后统一清点（“清点票箱”）。');
    const elector = await tx.get<ElectorDoc>(C.voteElectors, `${m._id}:${input.personId}`);
    if (!elector) throw fail.invalid('这个人不在本次表决的名单里。');
    await cast(tx, m, input.personId, input.choice ?? null, 'in_person', ctx.person?._id ?? null, at);
    await appendAudit(tx, m.villageId, {
      actor: actorOf(ctx),
      action: input.choice ? 'matters.recordBallot' : 'matters.recordAttendance',
      target: `meeting:${m._id}`,
      change: { person: input.personId, ...(input.choice && !m.secret ? { choice: input.choice } : {}) },
      at,
    });
    return m;
  });
  return (await meetingViews(ports, [meeting], ctx.person?._id ?? null))[0];
}

/** 清点票箱: secret paper ballots, counted together, never more than the people who came in person. */
export async function recordPaperBox(ports: Ports, input: { villageId: string; meetingId: string; counts: Record<Choice, number> }): Promise<MeetingView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.recordPaperBox);
  const now = ports.clock.now();
  const at = now.toISOString();
  const total = CHOICES.reduce((n, c) => n + input.counts[c], 0);
  if (total === 0) throw fail.invalid('票箱里没有选票。');
  const meeting = await ports.store.transaction(async (tx) => {
    const m = await meetingOf(tx, ports, input.villageId, input.meetingId);
    if (m.state !== 'open') throw fail.precondition('这次表决已经结束。');
    if (!m.secret) throw fail.invalid('记名表决请按人登记选票。');
    const t = await readTallyIn(tx, m._id);
    if (t.boxed + total > t.inPerson) throw fail.invalid(`票箱里的票（${t.boxed + total} 张）比现场登记到会的人（${t.inPerson} 人）多，请核对。`);
    const box = (t.boxes ?? 0) + 1;
    // A counted box is one record per choice with its count: paper ballots carry no receipt
    // anybody holds, and one write per ballot would not fit a call for a large village.
    for (const c of CHOICES) {
      if (input.counts[c] > 0) {
        await tx.add(C.ballots, {
          _id: `${m._id}:box:${box}:${CHOICE_KEY[c]}`,
          meetingId: m._id,
          choice: c,
          channel: 'in_person',
          personId: null,
          receipt: null,
          count: input.counts[c],
        });
      }
    }
    const counted = await addToTally(tx, m._id, 'room', (s) => ({
      boxed: s.boxed + total,
      boxes: (s.boxes ?? 0) + 1,
      yes: s.yes + input.counts.同意,
      no: s.no + input.counts.不同意,
      abstain: s.abstain + input.counts.弃权,
    }));
    if (!counted) throw fail.precondition('这次表决已经结束。');
    await appendAudit(tx, m.villageId, { actor: actorOf(ctx), action: 'matters.countBox', target: `meeting:${m._id}`, change: input.counts, at });
    return m;
  });
  return (await meetingViews(ports, [meeting], ctx.person?._id ?? null))[0];
}

/** The frozen list, for the 监委会 recording in person: who is on it and whether they took part. */
export async function electorate(
  ports: Ports,
  input: { villageId: string; meetingId: string; q?: string },
): Promise<{ people: { personId: string; name: string; idMasked: string; voted: boolean }[] }> {
  authorize(await callerInVillage(ports, input.villageId), votingPolicy.electorate);
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  const where: Record<string, unknown> = { meetingId: m._id };
  if (input.q) where.name = input.q;
  const electors = ports.store.collection<ElectorDoc>(C.voteElectors);
  const list = input.q
    ? await electors.find({ where: where as never, orderBy: [['name', 'asc']], limit: 50 })
    : await readAll(electors, { where: where as never, orderBy: [['name', 'asc']] });
  // One read of who took part (in pages of 1,000), not one per person on the list.
  const marks = await readAll(ports.store.collection<MarkDoc>(C.voteMarks), { where: { meetingId: m._id } });
  const voted = new Set(marks.map((k) => k.personId));
  return { people: list.map((e) => ({ personId: e.personId, name: e.name, idMasked: e.idMasked, voted: voted.has(e.personId) })) };
}
