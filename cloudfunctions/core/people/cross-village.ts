import type { CrossVillagePerson } from '../../../types/roster';
import type { Ports } from '../../ports';
import { cmd, readAll } from '../../ports/docstore';
import { C } from '../collections';
import { authorize, callerInTownship } from '../caller/api';
import type { VillageDoc } from '../shared/records';
import { hukouHere, type PersonDoc } from './model';
import { crossVillagePolicy } from './policy';
import { hukouState } from './rules';

/**
 * One person, one village. A person may be on two villages' rosters (they live in one, their 户籍
 * is in the other), but they vote in the 村民会议 of only the village that holds their 户籍. The
 * roster's ID hash is the same in every village (one key), so the same person is found by it.
 */

/** The same person on another village's roster in the same township. */
export interface OtherRecord {
  personId: string;
  villageId: string;
  villageName: string;
  name: string;
  idHash: string;
  idMasked: string;
  hukouHere: boolean;
}

/** An `in` list per query: short enough for any store's request size. */
const HASHES_PER_QUERY = 200;

/** Everyone with one of these ID hashes on another roster of the township, by hash. */
export async function onOtherRosters(ports: Ports, village: Pick<VillageDoc, '_id' | 'townshipId'>, hashes: string[]): Promise<Map<string, OtherRecord[]>> {
  const out = new Map<string, OtherRecord[]>();
  const villages = new Map<string, VillageDoc | null>();
  const people = ports.store.collection<PersonDoc>(C.people);
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += HASHES_PER_QUERY) {
    const found = await readAll(people, { where: { idHash: cmd.in(unique.slice(i, i + HASHES_PER_QUERY)), inRoster: true, villageId: cmd.neq(village._id) } });
    for (const p of found) {
      if (!villages.has(p.villageId)) villages.set(p.villageId, await ports.store.collection<VillageDoc>(C.villages).get(p.villageId));
      const v = villages.get(p.villageId);
      if (!v || v.townshipId !== village.townshipId) continue;
      const list = out.get(p.idHash) ?? [];
      list.push({ personId: p._id, villageId: v._id, villageName: v.name, name: p.name, idHash: p.idHash, idMasked: p.idMasked, hukouHere: hukouHere(p) });
      out.set(p.idHash, list);
    }
  }
  return out;
}

/**
 * The ID hashes among these that another village of the township says hold their 户籍 there.
 * A vote here leaves them out when this roster says so too: until the two villages agree, a
 * person voting in both is the harm, so they vote in neither (and the township sees them).
 */
export async function claimedElsewhere(ports: Ports, village: Pick<VillageDoc, '_id' | 'townshipId'>, hashes: string[]): Promise<Set<string>> {
  const others = await onOtherRosters(ports, village, hashes);
  return new Set([...others].filter(([, records]) => records.some((r) => r.hukouHere)).map(([hash]) => hash));
}

/** A person on two or more rosters, as the township keeps the list. */
export interface OverlapDoc {
  /** `${townshipId}:${idHash}` */
  _id: string;
  townshipId: string;
  idMasked: string;
  villages: CrossVillagePerson['villages'];
  updatedAt: string;
  [k: string]: unknown;
}

export interface OwnRecord {
  name: string;
  idMasked: string;
  hukouHere: boolean;
}

/**
 * Keeps the township's list in step after an import: for each ID hash the import touched that is
 * also on another roster, the list entry is rewritten from the records as they now stand (this
 * village's own, or none if it left the roster, and the others as read). Every village's imports
 * do the same, so the list follows every roster; reading it is one query, not a scan of every
 * roster in the township.
 */
export async function refreshOverlaps(
  ports: Ports,
  village: Pick<VillageDoc, '_id' | 'townshipId' | 'name'>,
  touched: Map<string, { own: OwnRecord | null; others: OtherRecord[] }>,
): Promise<void> {
  const overlaps = ports.store.collection<OverlapDoc>(C.rosterOverlaps);
  const at = ports.clock.now().toISOString();
  for (const [hash, { own, others }] of touched) {
    const id = `${village.townshipId}:${hash}`;
    const villages = [
      ...(own ? [{ villageId: village._id, villageName: village.name, name: own.name, hukouHere: own.hukouHere }] : []),
      ...others.map((o) => ({ villageId: o.villageId, villageName: o.villageName, name: o.name, hukouHere: o.hukouHere })),
    ].sort((a, b) => (a.villageId < b.villageId ? -1 : 1));
    if (villages.length >= 2) {
      await overlaps.set(id, { townshipId: village.townshipId, idMasked: own?.idMasked ?? others[0].idMasked, villages, updatedAt: at });
    } else {
      await overlaps.remove(id);
    }
  }
}

/** The township's list of people on more than one village's roster, those to put right first. */
export async function crossVillage(ports: Ports, input: { townshipId: string }): Promise<{ people: CrossVillagePerson[] }> {
  authorize(await callerInTownship(ports, input.townshipId), crossVillagePolicy.crossVillage);
  const rows = await readAll(ports.store.collection<OverlapDoc>(C.rosterOverlaps), { where: { townshipId: input.townshipId }, orderBy: [['idMasked', 'asc']] });
  const order = { several: 0, none: 1, one: 2 };
  const people = rows.map((r) => ({ idMasked: r.idMasked, villages: r.villages, hukou: hukouState(r.villages) }));
  return { people: people.sort((a, b) => order[a.hukou] - order[b.hukou]) };
}
