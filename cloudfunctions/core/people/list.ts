import type { RosterList } from '../../../types/roster';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { authorize, callerInVillage } from '../caller/api';
import type { PersonDoc } from './model';
import { rosterPolicy } from './policy';
import { rosterRow } from './views';

const LIST_PAGE_SIZE = 50;

/** The roster for cadres and the 监委会: masked ID numbers only. */
export async function listRoster(ports: Ports, input: { villageId: string; page?: number }): Promise<RosterList> {
  authorize(await callerInVillage(ports, input.villageId), rosterPolicy.list);
  const page = input.page ?? 1;
  const where = { villageId: input.villageId, inRoster: true };
  const people = ports.store.collection<PersonDoc>(C.people);
  const [total, rows] = await Promise.all([
    people.count(where),
    people.find({ where, orderBy: [['householdNo', 'asc']], skip: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE }),
  ]);
  return {
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    people: rows.map(rosterRow),
  };
}
