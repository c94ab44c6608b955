import { action, type FunctionDef } from '../shared/dispatch';
import { anyone } from '../shared/policy';
import { z } from 'zod';
import { placeId } from '../shared/ids';
import { codePolicy, codes, disableCode, issueCode, poster, posters } from './codes';
import { CODE_PATTERN } from './rules';
import { GetVillageSchema, ResolveCodeSchema } from './schema';
import { getVillage, resolveCode, supervisorPhone } from './service';

const actions = {
  resolveCode: action({ input: ResolveCodeSchema, run: resolveCode }),
  get: action({ input: GetVillageSchema, run: getVillage }),
  supervisorPhone: action({ input: GetVillageSchema, run: supervisorPhone }),
  codes: action({ input: GetVillageSchema, run: codes }),
  issueCode: action({ input: z.strictObject({ villageId: placeId, reason: z.string().trim().min(2).max(200) }), run: issueCode }),
  disableCode: action({ input: z.strictObject({ villageId: placeId, code: z.string().regex(CODE_PATTERN), reason: z.string().trim().min(2).max(200) }), run: disableCode }),
  poster: action({ input: GetVillageSchema, run: poster }),
  posters: action({ input: z.strictObject({ townshipId: placeId }), run: posters }),
};

/** What a visitor who scanned the code may read, and the township's codes and posters. */
export const villageFunction: FunctionDef<typeof actions> = {
  name: 'village',
  actions,
  policy: {
    resolveCode: anyone,
    get: anyone,
    supervisorPhone: anyone,
    ...codePolicy,
  },
};
