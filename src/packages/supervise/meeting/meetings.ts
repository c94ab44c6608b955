import { STAGES } from '../../../../types/matters';
import { mattersApi } from '../../../services/matters';
import { ApiCallError } from '../../../services/transport';
import type { Found } from './helpers';

/** Closed meetings offered for a recount on the list: the newest few are what gets checked. */
const RECENT_CLOSED = 5;
/** Matters past their votes listed for recording, newest first. */
const PAST_SHOWN = 10;

/** The open meetings of the village, and the newest closed ones for a recount. */
export async function loadMeetings(villageId: string): Promise<{ open: Found[]; closed: Found[] }> {
  const { matters } = await mattersApi.list(villageId);
  const voting = matters.filter((m) => m.voting);
  // Only a matter past 商议 can have held a vote; the list is newest first, so a few suffice.
  const past = matters.filter((m) => !m.voting && m.status !== 'cosigning' && STAGES.indexOf(m.stage) >= STAGES.indexOf('审议')).slice(0, PAST_SHOWN);
  const views = await Promise.all([...voting, ...past].map((m) => mattersApi.get(villageId, m.id)));
  const all = views.flatMap((matter) => matter.meetings.map((meeting) => ({ matter, meeting })));
  const open = all.filter((f) => f.meeting.state === 'open').sort((a, b) => a.meeting.closesAt.localeCompare(b.meeting.closesAt));
  const closed = all
    .filter((f) => f.meeting.state === 'closed')
    .sort((a, b) => (b.meeting.closedAt ?? '').localeCompare(a.meeting.closedAt ?? ''))
    .slice(0, RECENT_CLOSED);
  return { open, closed };
}

/** A meeting by id; the matter id in the URL saves looking through every matter. */
export async function findMeeting(villageId: string, matterId: string | undefined, meetingId: string): Promise<Found> {
  const ids = matterId ? [matterId] : (await mattersApi.list(villageId)).matters.filter((m) => m.status !== 'cosigning').map((m) => m.id);
  for (const id of ids) {
    const matter = await mattersApi.get(villageId, id);
    const meeting = matter.meetings.find((x) => x.id === meetingId);
    if (meeting) return { matter, meeting };
  }
  throw new ApiCallError('NOT_FOUND', '没有找到这次表决，请从表决列表重新进入。');
}
