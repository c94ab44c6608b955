import { z } from 'zod';
import { MAX_FEN } from '../../../common/money';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId, plainTitle } from '../shared/ids';
import { personId } from '../shared/keys';
import { electorate, recordInPerson, recordPaperBox, vote } from './ballots';
import { close, receipts, recount } from './closing';
import { file, filings } from './filing';
import { openVote } from './opening';
import { matterPolicy, votingPolicy } from './policy';
import { cosign, discuss, propose } from './proposals';
import { publish } from './publishing';
import { get, list } from './reads';

const villageId = placeId;
const matterId = z.string().regex(/^[0-9a-f]{20}$/);
const meetingId = z.string().regex(/^[0-9a-f]{20}$/);
const choice = z.enum(['同意', '不同意', '弃权']);
const words = (min: number, max: number) => z.string().trim().min(min).max(max);
const count = z.number().int().min(0).max(100_000);
const fen = z.number().int().min(0).max(MAX_FEN);

const actions = {
  list: action({ input: z.strictObject({ villageId }), run: list }),
  get: action({ input: z.strictObject({ villageId, matterId }), run: get }),
  propose: action({
    input: z.strictObject({
      villageId,
      title: plainTitle(4, 60),
      summary: words(10, 2000),
      decisionBody: z.enum(['villagers', 'households', 'representatives']),
      secret: z.boolean().optional(),
      liveCounts: z.boolean().optional(),
      funding: z
        .strictObject({
          project: words(2, 100),
          budgetFen: fen.min(1),
          perPersonFen: fen,
          workdays: z.number().int().min(0).max(365),
          notes: words(0, 500).optional(),
        })
        .optional(),
    }),
    run: propose,
  }),
  cosign: action({ input: z.strictObject({ villageId, matterId }), run: cosign }),
  discuss: action({ input: z.strictObject({ villageId, matterId, agreed: z.boolean(), record: words(4, 2000) }), run: discuss }),
  openVote: action({ input: z.strictObject({ villageId, matterId, closesAt: z.iso.datetime({ offset: true }) }), run: openVote }),
  vote: action({ input: z.strictObject({ villageId, meetingId, choice }), run: vote }),
  recordInPerson: action({ input: z.strictObject({ villageId, meetingId, personId, choice: choice.optional() }), run: recordInPerson }),
  recordPaperBox: action({ input: z.strictObject({ villageId, meetingId, counts: z.strictObject({ 同意: count, 不同意: count, 弃权: count }) }), run: recordPaperBox }),
  electorate: action({ input: z.strictObject({ villageId, meetingId, q: words(1, 20).optional() }), run: electorate }),
  close: action({ input: z.strictObject({ villageId, meetingId }), run: close }),
  recount: action({ input: z.strictObject({ villageId, meetingId }), run: recount }),
  receipts: action({ input: z.strictObject({ villageId, meetingId }), run: receipts }),
  file: action({ input: z.strictObject({ villageId, matterId, decision: z.enum(['approve', 'return']), reason: words(2, 500).optional() }), run: file }),
  publish: action({ input: z.strictObject({ villageId, matterId, text: words(4, 5000), reason: words(2, 500).optional() }), run: publish }),
  filings: action({ input: z.strictObject({ townshipId: placeId }), run: filings }),
};

export const mattersFunction: FunctionDef<typeof actions> = { name: 'matters', actions, policy: { ...matterPolicy, ...votingPolicy } };
