import type { Ports } from '../../ports';
import { cmd, readAll } from '../../ports/docstore';
import { C } from '../collections';
import { local } from '../shared/time';
import { closeMeeting, SYSTEM } from './closing';
import type { MarkDoc, MatterDoc, MeetingDoc } from './model';
import { tellElectors } from './notices';

const HOUR = 3600 * 1000;
/** Voters who have not voted are reminded this long before the vote closes. */
export const VOTE_REMIND_BEFORE_MS = 24 * HOUR;

/** The timer's part: close meetings past their time, remind those who have not voted a day before. */
export async function tickMeetings(ports: Ports): Promise<{ closed: number; reminded: number }> {
  const now = ports.clock.now();
  const at = now.toISOString();
  const meetings = ports.store.collection<MeetingDoc>(C.meetings);
  let closed = 0;
  let reminded = 0;
  // A close cut short after sealing is finished here too.
  for (const m of await meetings.find({ where: { state: cmd.in(['open', 'closing']), closesAt: cmd.lte(at) }, orderBy: [['closesAt', 'asc']], limit: 100 })) {
    try {
      await closeMeeting(ports, m.villageId, m._id, SYSTEM, '系统（到截止时间自动结束）');
      closed += 1;
    } catch {
      // Closed by the 监委会 meanwhile.
    }
  }
  const soon = new Date(now.getTime() + VOTE_REMIND_BEFORE_MS).toISOString();
  for (const m of await meetings.find({ where: { state: 'open', reminded: false, closesAt: cmd.lte(soon) }, limit: 100 })) {
    let claimed = false;
    await ports.store.transaction(async (tx) => {
      const doc = await tx.get<MeetingDoc>(C.meetings, m._id);
      if (!doc || doc.reminded || doc.state !== 'open') return;
      await tx.update(C.meetings, m._id, { reminded: true });
      claimed = true;
    });
    if (!claimed) continue;
    const matter = await ports.store.collection<MatterDoc>(C.matters).get(m.matterId);
    // Who took part, read once in pages rather than asked person by person.
    const voted = new Set((await readAll(ports.store.collection<MarkDoc>(C.voteMarks), { where: { meetingId: m._id } })).map((k) => k.personId));
    reminded += await tellElectors(
      ports,
      m,
      matter?.title ?? '',
      `“${matter?.title ?? ''}”的表决 ${local(new Date(m.closesAt)).format('M月D日 HH:mm')} 截止，您还没有投票。`,
      'vote.closing',
      (e) => !voted.has(e.personId),
    );
  }
  return { closed, reminded };
}
