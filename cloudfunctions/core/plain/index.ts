import { z } from 'zod';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId } from '../shared/ids';
import { MONTH_KEY, quarter } from '../shared/keys';
import { draft } from './drafting';
import { plainPolicy } from './policy';
import { preview, summary } from './reads';

const villageId = placeId;
const period = z.union([quarter, z.string().regex(MONTH_KEY, '月份格式应为 2026-10 这样')]);

const actions = {
  summary: action({ input: z.strictObject({ villageId, period }), run: summary }),
  preview: action({ input: z.strictObject({ villageId, period }), run: preview }),
  draft: action({ input: z.strictObject({ villageId, quarter }), run: draft }),
};

export const plainFunction: FunctionDef<typeof actions> = { name: 'plain', actions, policy: plainPolicy };
