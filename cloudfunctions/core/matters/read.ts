import type { Ports } from '../../ports';
import { readAll, type Transaction } from '../../ports/docstore';
import { C } from '../collections';
import type { PersonDoc } from '../shared/records';
import { fail } from '../shared/errors';
import type { TownshipDoc, VillageDoc } from '../shared/records';
import type { MatterDoc, MeetingDoc } from './model';

/**
 * Loading what the use cases act on: a matter, a meeting, the village's township and roster.
 * Shared by the proposal's stages and its votes, so neither imports the other.
 */

export async function matterOf(tx: Transaction | null, ports: Ports, villageId: string, matterId: string): Promise<MatterDoc> {
  const doc = tx ? await tx.get<MatterDoc>(C.matters, matterId) : await ports.store.collection<MatterDoc>(C.matters).get(matterId);
  if (!doc || doc.villageId !== villageId) throw fail.notFound('没有找到这个议题。');
  return doc;
}

export async function townshipOf(ports: Ports, village: VillageDoc): Promise<TownshipDoc | null> {
  return ports.store.collection<TownshipDoc>(C.townships).get(village.townshipId);
}

/** Everyone on the roster today, in pages: rosters run to a few thousand. */
export async function rosterOf(ports: Ports, villageId: string): Promise<PersonDoc[]> {
  return readAll(ports.store.collection<PersonDoc>(C.people), { where: { villageId, inRoster: true }, orderBy: [['householdNo', 'asc']] });
}

/** A matter's meetings in the order they were called. */
export async function meetingsOf(ports: Ports, d: MatterDoc): Promise<MeetingDoc[]> {
  if (d.meetingIds.length === 0) return [];
  const found = await ports.store.collection<MeetingDoc>(C.meetings).find({ where: { matterId: d._id }, limit: 100 });
  return found.sort((a, b) => d.meetingIds.indexOf(a._id) - d.meetingIds.indexOf(b._id));
}

export async function meetingOf(tx: Transaction | null, ports: Ports, villageId: string, meetingId: string): Promise<MeetingDoc> {
  const m = tx ? await tx.get<MeetingDoc>(C.meetings, meetingId) : await ports.store.collection<MeetingDoc>(C.meetings).get(meetingId);
  if (!m || m.villageId !== villageId) throw fail.notFound('没有找到这次表决。');
  return m;
}
