import type { HouseholdShare, HouseholdVote } from '../../../types/household';
import type { FundingPlan } from '../../../types/matters';
import type { Ports } from '../../ports';
import { cmd } from '../../ports/docstore';
import { C } from '../collections';
import { ageOn, isAdultOn } from '../people/api';
import { findAll } from '../shared/paging';
import { type PersonDoc, settingsOf, type VillageDoc } from '../shared/records';
import { chinaDay } from '../shared/time';
import type { ElectorDoc, MatterDoc, MeetingDoc } from './model';
import { townshipOf } from './read';

/** What a 筹资筹劳 plan asks of one household: the plan's own rules, applied to its members only. */
export function householdShareOf(
  plan: Pick<FundingPlan, 'perPersonFen' | 'workdays'>,
  members: PersonDoc[],
  day: string,
  workingAgeMax: number,
  idKey: string,
): { payers: number; labourers: number; shareFen: number; shareWorkdays: number; exempt: string[] } {
  // As fundingPlan (rules.ts): a 低保 household pays no money, a soldier neither pays nor works,
  // a minor does neither; labour comes from working-age adults.
  const lowIncome = members.some((m) => m.lowIncome);
  const exempt = new Set<string>();
  let payers = 0;
  let labourers = 0;
  for (const p of members) {
    if (p.activeSoldier) {
      exempt.add('现役军人免除');
      continue;
    }
    if (!isAdultOn(idKey, p, day)) {
      exempt.add('未满18周岁不筹');
      continue;
    }
    if (lowIncome) exempt.add('低保户免交筹资');
    else payers += 1;
    if (ageOn(idKey, p, day) <= workingAgeMax) labourers += 1;
  }
  return { payers, labourers, shareFen: payers * plan.perPersonFen, shareWorkdays: labourers * plan.workdays, exempt: [...exempt] };
}

const matterLink = (villageId: string, matterId: string) => `/pages/matters/index?villageId=${villageId}&matterId=${matterId}`;

/** Meetings and electors are read by id, this many at a time. */
const BATCH = 100;

async function byIds<T extends { _id: string }>(ports: Ports, collection: string, ids: string[]): Promise<T[]> {
  const out: T[] = [];
  for (let at = 0; at < ids.length; at += BATCH) {
    const batch = ids.slice(at, at + BATCH);
    out.push(...(await ports.store.collection<T & { [k: string]: unknown }>(collection).find({ where: { _id: cmd.in(batch) }, limit: BATCH })));
  }
  return out;
}

/**
 * A household's part in the village's matters (我家): each 筹资筹劳 plan not stopped, with what it
 * asks of these members; and each vote whose frozen electorate names one of them.
 */
export async function householdMatters(ports: Ports, village: VillageDoc, members: PersonDoc[]): Promise<{ shares: HouseholdShare[]; votes: HouseholdVote[] }> {
  const matters = await findAll(ports.store.collection<MatterDoc>(C.matters), { villageId: village._id });
  const settings = settingsOf(await townshipOf(ports, village));
  const shares: HouseholdShare[] = matters
    .filter((m): m is MatterDoc & { funding: FundingPlan } => !!m.funding && m.status !== 'stopped')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((m) => ({
      matterId: m._id,
      title: m.title,
      project: m.funding.project,
      stage: m.stage,
      status: m.status,
      perPersonFen: m.funding.perPersonFen,
      workdays: m.funding.workdays,
      ...householdShareOf(m.funding, members, chinaDay(new Date(m.funding.publicisedAt)), settings.workingAgeMax, ports.idKey),
      link: matterLink(village._id, m._id),
    }));

  const titles = new Map(matters.map((m) => [m._id, m.title]));
  const meetings = await byIds<MeetingDoc>(
    ports,
    C.meetings,
    matters.flatMap((m) => m.meetingIds),
  );
  const names = new Map(members.map((p) => [p._id, p.name]));
  const electors = await byIds<ElectorDoc>(
    ports,
    C.voteElectors,
    meetings.flatMap((m) => members.map((p) => `${m._id}:${p._id}`)),
  );
  const byMeeting = new Map<string, string[]>();
  for (const e of electors) byMeeting.set(e.meetingId, [...(byMeeting.get(e.meetingId) ?? []), names.get(e.personId) ?? e.name]);
  const votes: HouseholdVote[] = meetings
    .filter((m) => byMeeting.has(m._id))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
    .map((m) => ({
      matterId: m.matterId,
      meetingId: m._id,
      title: titles.get(m.matterId) ?? '',
      stage: m.stage,
      body: m.body,
      state: m.state,
      closesAt: m.closesAt,
      members: byMeeting.get(m._id) ?? [],
      outcome: m.result ? (!m.result.quorumMet ? '未达法定人数' : m.result.passed ? '通过' : '未通过') : null,
      link: matterLink(village._id, m.matterId),
    }));
  return { shares, votes };
}
