import { z } from 'zod';
import { HOUSEHOLD_LOOK_REASON } from '../../../common/limits';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId } from '../shared/ids';
import { personId } from '../shared/keys';
import { householdPolicy } from './policy';
import { inspect, mine } from './reads';

const villageId = placeId;

const actions = {
  mine: action({ input: z.strictObject({ villageId }), run: mine }),
  inspect: action({
    input: z.strictObject({
      villageId,
      personId,
      reason: z.string().trim().min(HOUSEHOLD_LOOK_REASON.min, '请写明为什么要查看这一户').max(HOUSEHOLD_LOOK_REASON.max),
    }),
    run: inspect,
  }),
};

/** 我家: what the village has published about one household, for its members (and the 监委会, recorded). */
export const householdFunction: FunctionDef<typeof actions> = { name: 'household', actions, policy: householdPolicy };
