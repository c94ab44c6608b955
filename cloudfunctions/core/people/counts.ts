import type { Ports } from '../../ports';
import { C } from '../collections';

/** The roster's households (by their 户主) and people now on it: the 明白账 (core/plain) divides the balance by them. */
export async function rosterCounts(ports: Ports, villageId: string): Promise<{ households: number; persons: number }> {
  const people = ports.store.collection(C.people);
  const [households, persons] = await Promise.all([
    people.count({ villageId, inRoster: true, isHouseholdHead: true }),
    people.count({ villageId, inRoster: true }),
  ]);
  return { households, persons };
}
