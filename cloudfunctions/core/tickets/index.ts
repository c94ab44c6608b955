import { z } from 'zod';
import { itemId, quarter } from '../disclosure/schema';
import { MONTH_KEY } from '../finance/rules';
import { placeId } from '../shared/ids';
import { action, type FunctionDef } from '../shared/dispatch';
import { answer, ask, mine, queue, ticketPolicy } from './service';

const villageId = placeId;
const text = z.string().trim().min(4).max(500);

const actions = {
  ask: action({
    input: z.strictObject({
      villageId,
      subject: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('disclosure'), quarter, itemId }),
        z.strictObject({ type: z.literal('ledger'), month: z.string().regex(MONTH_KEY), rowId: z.string().regex(/^[0-9a-f]{20}$/) }),
      ]),
      text,
    }),
    run: ask,
  }),
  queue: action({ input: z.strictObject({ villageId, state: z.enum(['open', 'answered']).optional() }), run: queue }),
  answer: action({ input: z.strictObject({ villageId, ticketId: z.string().regex(/^[0-9a-f]{20}$/), text }), run: answer }),
  mine: action({ input: z.strictObject({ villageId }), run: mine }),
};

export const ticketsFunction: FunctionDef<typeof actions> = { name: 'tickets', actions, policy: ticketPolicy };
