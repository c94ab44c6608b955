import { z } from 'zod';
import {
  ELECTORATE_QUERY,
  FUNDING_NOTES,
  FUNDING_PROJECT,
  MATTER_PUBLICATION,
  MATTER_REASON,
  MATTER_SUMMARY,
  MATTER_TITLE,
  MEETING_RECORD,
  type TextLimit,
} from '../../../common/limits';
import { MAX_FEN } from '../../../common/money';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId, plainTitle } from '../shared/ids';
import { personId } from '../shared/keys';
import { electorate, recordInPerson, recordPaperBox, vote } from './ballots';
import { close, receipts, recount } from './closing';
import { file, filings } from './filing';
import { openVote } from './opening';
import { mattersPolicy } from './policy';
import { cosign, discuss, propose } from './proposals';
import { publish } from './publishing';
import { get, list } from './reads';

const villageId = placeId;
const matterId = z.string().regex(/^[0-9a-f]{20}$/);
const meetingId = z.string().regex(/^[0-9a-f]{20}$/);
const choice = z.enum(['同意', '不同意', '弃权']);
const words = ({ min, max }: TextLimit) => z.string().trim().min(min).max(max);
const count = z.number().int().min(0).max(100_000);
const fen = z.number().int().min(0).max(MAX_FEN);

const actions = {
  list: action({ input: z.strictObject({ villageId }), run: list }),
  get: action({ input: z.strictObject({ villageId, matterId }), run: get }),
  propose: action({
    input: z.strictObject({
      villageId,
      title: plainTitle(MATTER_TITLE),
      summary: words(MATTER_SUMMARY),
      decisionBody: z.enum(['villagers', 'households', 'representatives']),
      secret: z.boolean().optional(),
      liveCounts: z.boolean().optional(),
      funding: z
        .strictObject({
          project: words(FUNDING_PROJECT),
          budgetFen: fen.min(1),
          perPersonFen: fen,
          workdays: z.number().int().min(0).max(365),
          notes: words(FUNDING_NOTES).optional(),
        })
        .optional(),
    }),
    run: propose,
  }),
  cosign: action({ input: z.strictObject({ villageId, matterId }), run: cosign }),
  discuss: action({ input: z.strictObject({ villageId, matterId, agreed: z.boolean(), record: words(MEETING_RECORD) }), run: discuss }),
  openVote: action({ input: z.strictObject({ villageId, matterId, closesAt: z.iso.datetime({ offset: true }) }), run: openVote }),
  vote: action({ input: z.strictObject({ villageId, meetingId, choice }), run: vote }),
  recordInPerson: action({ input: z.strictObject({ villageId, meetingId, personId, choice: choice.optional() }), run: recordInPerson }),
  recordPaperBox: action({
    input: z.strictObject({ villageId, meetingId, counts: z.strictObject({ 同意: count, 不同意: count, 弃权: count }) }),
    run: recordPaperBox,
  }),
  electorate: action({ input: z.strictObject({ villageId, meetingId, q: words(ELECTORATE_QUERY).optional() }), run: electorate }),
  close: action({ input: z.strictObject({ villageId, meetingId }), run: close }),
  recount: action({ input: z.strictObject({ villageId, meetingId }), run: recount }),
  receipts: action({ input: z.strictObject({ villageId, meetingId }), run: receipts }),
  file: action({ input: z.strictObject({ villageId, matterId, decision: z.enum(['approve', 'return']), reason: words(MATTER_REASON).optional() }), run: file }),
  publish: action({ input: z.strictObject({ villageId, matterId, text: words(MATTER_PUBLICATION), reason: words(MATTER_REASON).optional() }), run: publish }),
  filings: action({ input: z.strictObject({ townshipId: placeId }), run: filings }),
};

export const mattersFunction: FunctionDef<typeof actions> = { name: 'matters', actions, policy: mattersPolicy };
