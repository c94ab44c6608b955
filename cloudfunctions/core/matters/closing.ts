import { createHash } from 'node:crypto';
import type { Choice, MatterView } from '../../../types/matters';
import { BODY_NAMES } from '../../../types/matters';
import type { Ports } from '../../ports';
import { readAll } from '../../ports/docstore';
import { type Actor, SYSTEM_ACTOR } from '../shared/records';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import { SUPERVISORS } from '../shared/policy';
import { countsOf, type BallotDoc } from './model';
import { votingPolicy } from './policy';
import { matterOf, meetingOf } from './read';
import { afterMeeting, byline, decide, sameCounts } from './rules';
import { readTally, readTallyIn, sealTally } from './tally';
import { view } from './views';

/** The timer's and the system's own doings on the audit chain. */
export const SYSTEM: Actor = SYSTEM_ACTOR;

/** How a paper ballot shows in the receipt list: it has no receipt, but it is counted in the open. */
export const PAPER_BALLOT = '现场纸质选票';

/** Counts from the ballots and marks themselves, in pages. */
async function countBallots(ports: Ports, meetingId: string): Promise<{ counts: Record<Choice, number>; present: number; digest: string }> {
  const counts: Record<Choice, number> = { 同意: 0, 不同意: 0, 弃权: 0 };
  const hash = createHash('sha256');
  for (let skip = 0; ; skip += 1000) {
    const page = await ports.store.collection<BallotDoc>(C.ballots).find({ where: { meetingId }, orderBy: [['_id', 'asc']], skip, limit: 1000 });
    for (const b of page) {
      counts[b.choice] += b.count ?? 1;
      hash.update(b.count === undefined ? `${b._id}|${b.choice}\n` : `${b._id}|${b.choice}|${b.count}\n`);
    }
    if (page.length < 1000) break;
  }
  const present = await ports.store.collection(C.voteMarks).count({ meetingId });
  return { counts, present, digest: hash.digest('hex') };
}

/**
 * Closes a meeting: recounts from the ballots (a recount that differs from the running tally is
 * an alarm on the audit chain, and the recount stands), applies the rules, and moves the matter
 * on as `afterMeeting` (rules.ts) says.
 */
export async function closeMeeting(ports: Ports, villageId: string, meetingId: string, actor: Actor, by: string): Promise<void> {
  const before = await meetingOf(null, ports, villageId, meetingId);
  if (before.state === 'closed') throw fail.precondition('这次表决已经结束。');
  if (before.state === 'open') {
    if (before.secret) {
      // Counting without the box would drop the in-person votes for good: they cannot be added after.
      const t = await readTally(ports, meetingId);
      if (t.boxed < t.inPerson) throw fail.precondition(`票箱里还有 ${t.inPerson - t.boxed} 张现场选票没有清点，请先“清点票箱”再结束表决。`);
    }
    // First the counts are sealed, so no ballot can land between the count and the result: a
    // vote in flight writes a sealed shard, conflicts, starts over and is told the vote is over.
    await ports.store.transaction(async (tx) => {
      const m = await meetingOf(tx, ports, villageId, meetingId);
      if (m.state !== 'open') return;
      await sealTally(tx, m._id);
      await tx.update(C.meetings, m._id, { state: 'closing' });
    });
  }
  const recount = await countBallots(ports, meetingId);
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const m = await meetingOf(tx, ports, villageId, meetingId);
    if (m.state !== 'closing') throw fail.precondition('这次表决已经结束。');
    const tally = await readTallyIn(tx, m._id);
    // The ballots are still, so a difference is a tally that was changed by hand: an alarm.
    if (!sameCounts(tally, recount)) {
      await appendAudit(tx, villageId, {
        actor: SYSTEM,
        action: 'matters.recountMismatch',
        target: `meeting:${m._id}`,
        change: { tally: { present: tally.present, ...countsOf(tally) }, recount },
        at,
      });
    }
    const result = decide(m.body, m.approval, m.eligible, recount.present, recount.counts);
    await tx.update(C.meetings, m._id, { state: 'closed', closedAt: at, result });
    const matter = await matterOf(tx, ports, villageId, m.matterId);
    const said = `${BODY_NAMES[m.body]}表决：应到 ${m.eligible}，实到 ${recount.present}（网上 ${tally.online}，现场 ${tally.inPerson}），同意 ${recount.counts.同意}，不同意 ${recount.counts.不同意}，弃权 ${recount.counts.弃权}。`;
    const patch = afterMeeting(matter, m, result, said, at, by);
    await tx.update(C.matters, matter._id, patch);
    await appendAudit(tx, villageId, { actor, action: 'matters.closeVote', target: `meeting:${m._id}`, change: { result, ballots: recount.digest }, at });
  });
}

export async function close(ports: Ports, input: { villageId: string; meetingId: string }): Promise<MatterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.close);
  await closeMeeting(ports, input.villageId, input.meetingId, actorOf(ctx), byline(ctx, SUPERVISORS));
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  return view(ports, await matterOf(null, ports, input.villageId, m.matterId));
}

/** 复核: counts again from the ballots; a difference from the running tally is an alarm in the audit trail. */
export async function recount(
  ports: Ports,
  input: { villageId: string; meetingId: string },
): Promise<{ counts: Record<Choice, number>; present: number; matches: boolean }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, votingPolicy.recount);
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  // Counts taken between two ballots, set beside who has voted, would say how each one voted.
  if (m.secret && m.state !== 'closed')
    throw fail.precondition('不记名表决在结束之前不能复核计票：中途的票数与谁已投票对照，就能推出每个人投了什么。结束后可以复核。');
  const r = await countBallots(ports, m._id);
  const tally = await readTally(ports, m._id);
  const matches = sameCounts(tally, r);
  if (!matches) {
    await ports.store.transaction(async (tx) => {
      await appendAudit(tx, m.villageId, {
        actor: actorOf(ctx),
        action: 'matters.recountMismatch',
        target: `meeting:${m._id}`,
        change: { tally: { present: tally.present, ...countsOf(tally) }, recount: r },
        at: ports.clock.now().toISOString(),
      });
    });
  }
  return { counts: r.counts, present: r.present, matches };
}

/** After a secret vote closes: every receipt with its choice, for voters to find their own. */
export async function receipts(ports: Ports, input: { villageId: string; meetingId: string }): Promise<{ receipts: { receipt: string; choice: Choice }[] }> {
  await callerInVillage(ports, input.villageId);
  const m = await meetingOf(null, ports, input.villageId, input.meetingId);
  if (!m.secret) throw fail.precondition('这次是记名表决，没有回执。');
  if (m.state !== 'closed') throw fail.precondition('表决结束后才公布回执。');
  const out: { receipt: string; choice: Choice }[] = [];
  const ballots = await readAll(ports.store.collection<BallotDoc>(C.ballots), { where: { meetingId: m._id }, orderBy: [['receipt', 'asc']] });
  // A counted box stands for its paper ballots, one line each, with no receipt to find.
  for (const b of ballots) {
    if (b.receipt) out.push({ receipt: b.receipt, choice: b.choice });
    else for (let i = 0; i < (b.count ?? 1); i += 1) out.push({ receipt: PAPER_BALLOT, choice: b.choice });
  }
  return { receipts: out };
}
