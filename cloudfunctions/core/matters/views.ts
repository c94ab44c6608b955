import { formatFenPlain } from '../../../common/money';
import type { Block } from '../../../types/disclosure';
import { BODY_NAMES, type MatterSummary, type MatterView, type MeetingView } from '../../../types/matters';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { boundPersonId } from '../caller/api';
import { local } from '../shared/time';
import { countsOf, type MatterDoc, type MeetingDoc } from './model';
import { meetingsOf } from './read';
import { cosignProgress, quorumNeeded } from './rules';
import { readTally } from './tally';

/**
 * What the app receives: stored matters and meetings turned into views, and a matter's
 * publication text. What a caller may see of a vote under way (counts, their own part) is
 * decided here, once, for every action that answers with a matter.
 */

export function summaryOf(d: MatterDoc): MatterSummary {
  return { id: d._id, title: d.title, stage: d.stage, status: d.status, funding: d.funding !== null, createdAt: d.createdAt, voting: d.openMeetingId !== null };
}

export async function view(ports: Ports, d: MatterDoc): Promise<MatterView> {
  const [meetings, personId] = await Promise.all([meetingsOf(ports, d), boundPersonId(ports, d.villageId)]);
  const mine = !!d.cosign && !!personId && !!(await ports.store.collection(C.cosigns).get(`${d._id}:${personId}`));
  return {
    id: d._id,
    villageId: d.villageId,
    title: d.title,
    summary: d.summary,
    origin: d.origin,
    stage: d.stage,
    status: d.status,
    stopReason: d.stopReason,
    history: d.history,
    decisionBody: d.decisionBody,
    secret: d.secret,
    liveCounts: d.liveCounts,
    funding: d.funding,
    filing: d.filing,
    cosign: d.cosign
      ? {
          needed: d.cosign.neededAdults,
          count: d.cosign.adults,
          progress: cosignProgress(d.cosign),
          basis: `本村 18 周岁以上村民的十分之一（${d.cosign.neededAdults} 人），或村民代表的五分之一（${d.cosign.neededRepresentatives} 人，已有 ${d.cosign.representatives} 人）`,
          mine,
        }
      : null,
    meetings: await meetingViews(ports, meetings, personId),
    resolution: d.resolution,
    outcome: d.outcome,
    createdAt: d.createdAt,
  };
}

/** Meetings as the caller sees them; `personId` is the caller's roster person here (boundPersonId). */
export async function meetingViews(ports: Ports, meetings: MeetingDoc[], personId: string | null): Promise<MeetingView[]> {
  return Promise.all(
    meetings.map(async (m) => {
      const t = await readTally(ports, m._id);
      let me: MeetingView['me'] = null;
      if (personId) {
        const key = `${m._id}:${personId}`;
        const [elector, mark] = await Promise.all([ports.store.collection(C.voteElectors).get(key), ports.store.collection(C.voteMarks).get(key)]);
        me = { eligible: !!elector, voted: !!mark };
      }
      // A secret vote's counts are secret until it closes, whatever was asked for when proposing.
      const showCounts = m.state === 'closed' || (m.liveCounts && !m.secret);
      return {
        id: m._id,
        matterId: m.matterId,
        stage: m.stage,
        body: m.body,
        bodyName: BODY_NAMES[m.body],
        secret: m.secret,
        liveCounts: m.liveCounts,
        // Votes are already refused while a close is being counted: villagers see it as over.
        state: m.state === 'open' ? 'open' : 'closed',
        openedAt: m.openedAt,
        closesAt: m.closesAt,
        closedAt: m.closedAt,
        eligible: m.eligible,
        present: m.result?.present ?? t.present,
        online: t.online,
        inPerson: t.inPerson,
        quorumShort: Math.max(0, quorumNeeded(m.body, m.eligible) - (m.result?.present ?? t.present)),
        counts: showCounts ? (m.result?.counts ?? countsOf(t)) : null,
        result: m.result,
        me,
      };
    }),
  );
}

/** A meeting whose vote has closed: it has a result to publish. */
type HeldMeeting = MeetingDoc & { result: NonNullable<MeetingDoc['result']> };

export /** The published text: the cadre's words, then what the record says (votes, rules, plan). */
function publicationBody(doc: MatterDoc, meetings: MeetingDoc[], text: string) {
  const body: Block[] = [{ type: 'paragraph', text }];
  const held = meetings.filter((m): m is HeldMeeting => Boolean(m.result));
  if (held.length) {
    body.push({
      type: 'table',
      columns: ['会议', '结束时间', '应到', '实到', '同意', '不同意', '弃权', '结果'],
      rows: held.map((m) => {
        const r = m.result;
        return [
          `${m.stage}·${m.body === 'party' ? '党员大会' : m.body === 'representatives' ? '村民代表会议' : '村民会议'}`,
          local(new Date(m.closedAt ?? m.closesAt)).format('YYYY-MM-DD HH:mm'),
          String(r.eligible),
          String(r.present),
          String(r.counts.同意),
          String(r.counts.不同意),
          String(r.counts.弃权),
          !r.quorumMet ? '未达法定人数' : r.passed ? '通过' : '未通过',
        ];
      }),
    });
    for (const m of held) body.push({ type: 'paragraph', text: `适用规则（${m.stage}）：${m.result.rules.join('')}` });
  }
  if (doc.funding) {
    const f = doc.funding;
    body.push({
      type: 'table',
      columns: ['项目', '预算（元）', '每人筹资（元）', '每个劳动力筹劳（工日）', '出资人数', '出劳人数', '低保户免交', '现役军人免除'],
      rows: [
        [
          f.project,
          formatFenPlain(f.budgetFen),
          formatFenPlain(f.perPersonFen),
          String(f.workdays),
          String(f.payers),
          String(f.labourers),
          String(f.exempt.lowIncome),
          String(f.exempt.soldiers),
        ],
      ],
    });
  }
  return body;
}
