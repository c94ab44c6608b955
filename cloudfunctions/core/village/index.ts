import { action, type FunctionDef } from '../shared/dispatch';
import { anyone } from '../shared/policy';
import { GetVillageSchema, ResolveCodeSchema } from './schema';
import { getVillage, resolveCode, supervisorPhone } from './service';

const actions = {
  resolveCode: action({ input: ResolveCodeSchema, run: resolveCode }),
  get: action({ input: GetVillageSchema, run: getVillage }),
  supervisorPhone: action({ input: GetVillageSchema, run: supervisorPhone }),
};

/** Everything here is what a visitor who scanned the code may read. */
export const villageFunction: FunctionDef<typeof actions> = {
  name: 'village',
  actions,
  policy: {
    resolveCode: anyone,
    get: anyone,
    supervisorPhone: anyone,
  },
};
