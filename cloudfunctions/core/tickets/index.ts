import { z } from 'zod';
import { TICKET_PHOTOS, TICKET_TEXT } from '../../../common/limits';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId, storedFileId } from '../shared/ids';
import { itemId, MONTH_KEY, personId, quarter } from '../shared/keys';
import { answer, close, rate } from './answers';
import { board, markPublic, second } from './board';
import { stats, township } from './counts';
import { ask, file, upload } from './filing';
import { ticketPolicy } from './policy';
import { assigned, mine, queue } from './reads';
import { reveal } from './reveal';
import { assignees, triage } from './triage';

const villageId = placeId;
const ticketId = z.string().regex(/^[0-9a-f]{20}$/);
const text = z.string().trim().min(TICKET_TEXT.min).max(TICKET_TEXT.max);
const ref = { villageId, ticketId };

const actions = {
  upload: action({
    input: z.strictObject({ villageId, name: z.string().trim().min(1).max(80), fileId: storedFileId }),
    run: upload,
  }),
  ask: action({
    input: z.strictObject({
      villageId,
      subject: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('disclosure'), quarter, itemId }),
        z.strictObject({ type: z.literal('ledger'), month: z.string().regex(MONTH_KEY), rowId: z.string().regex(/^[0-9a-f]{20}$/) }),
        z.strictObject({ type: z.literal('asset'), id: z.string().regex(/^[0-9a-f]{20}$/) }),
        z.strictObject({ type: z.literal('contract'), id: z.string().regex(/^[0-9a-f]{20}$/) }),
      ]),
      text,
    }),
    run: ask,
  }),
  file: action({
    input: z.strictObject({
      villageId,
      kind: z.enum(['report', 'suggestion']),
      category: z.enum(['党务类', '村务类', '财务类']).optional(),
      text,
      photos: z
        .array(z.string().regex(/^[0-9a-f]{24}$/))
        .max(TICKET_PHOTOS.max)
        .optional(),
      anonymous: z.boolean(),
    }),
    run: file,
  }),
  queue: action({
    input: z.strictObject({
      villageId,
      state: z.enum(['open', 'answered', 'closed', 'escalated']).optional(),
      kind: z.enum(['question', 'report', 'suggestion']).optional(),
      category: z.enum(['党务类', '村务类', '财务类']).optional(),
      olderThanDays: z.number().int().min(0).max(3650).optional(),
      overdue: z.literal(true).optional(),
      answered: z.literal(true).optional(),
      rated: z.literal(true).optional(),
    }),
    run: queue,
  }),
  triage: action({
    input: z.strictObject({ ...ref, decision: z.enum(['大事', '小事', '私事']), reason: text, assigneePersonId: personId.optional() }),
    run: triage,
  }),
  assignees: action({ input: z.strictObject({ villageId }), run: assignees }),
  assigned: action({ input: z.strictObject({ villageId }), run: assigned }),
  township: action({ input: z.strictObject({ townshipId: placeId }), run: township }),
  answer: action({ input: z.strictObject({ ...ref, text }), run: answer }),
  rate: action({ input: z.strictObject({ ...ref, rating: z.enum(['满意', '基本满意', '不满意']) }), run: rate }),
  close: action({ input: z.strictObject({ ...ref, result: text }), run: close }),
  reveal: action({ input: z.strictObject({ ...ref, reason: text }), run: reveal }),
  mine: action({ input: z.strictObject({ villageId }), run: mine }),
  stats: action({ input: z.strictObject({ villageId }), run: stats }),
  board: action({ input: z.strictObject({ villageId }), run: board }),
  markPublic: action({ input: z.strictObject({ ...ref, public: z.boolean() }), run: markPublic }),
  second: action({ input: z.strictObject(ref), run: second }),
};

export const ticketsFunction: FunctionDef<typeof actions> = { name: 'tickets', actions, policy: ticketPolicy };
