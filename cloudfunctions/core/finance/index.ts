import { z } from 'zod';
import { MAX_FEN } from '../../../common/money';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId, storedFileId } from '../shared/ids';
import { MONTH_KEY, quarter } from '../shared/keys';
import { closeMonth, reopenMonth, sign } from './closing';
import { addRow, removeRow } from './entries';
import { exportMonth, fillDisclosure } from './export';
import { commitImport, mapAccount, previewImport } from './importing';
import { ledgerPolicy, reportPolicy, statementPolicy } from './policy';
import { statementPdf } from './print';
import { accounts, month, months } from './reads';
import { money, report, seen, years } from './reports';
import { answerQuery, queryRow } from './review';

const villageId = placeId;
const monthKey = z.string().regex(MONTH_KEY, '月份格式应为 2026-10 这样');
const period = z.union([monthKey, quarter, z.string().regex(/^20\d{2}$/)]);
const rowId = z.string().regex(/^[0-9a-f]{20}$/);
const fen = z.number().int().min(0).max(MAX_FEN);
const balance = z.number().int().min(-MAX_FEN).max(MAX_FEN);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const file = { villageId, fileName: text(1, 120), fileId: storedFileId };

const actions = {
  accounts: action({ input: z.strictObject({ villageId }), run: accounts }),
  addRow: action({
    input: z.strictObject({
      villageId,
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-10-08'),
      accountId: z.string().min(1).max(80),
      amountFen: fen.min(1),
      counterparty: z.string().trim().max(80),
      summary: text(1, 200),
      handler: z.string().trim().max(20),
      vouchers: z.array(z.string().regex(/^[0-9a-f]{24}$/)).max(9).optional(),
      adjusts: z.strictObject({ rowId, reason: text(4, 200) }).optional(),
    }),
    run: addRow,
  }),
  removeRow: action({ input: z.strictObject({ villageId, rowId }), run: removeRow }),
  previewImport: action({ input: z.strictObject(file), run: previewImport }),
  // The 会计's confirmation that the file's 借方 is 收入 and 贷方 支出 (a cash or bank journal).
  commitImport: action({ input: z.strictObject({ ...file, debitIsIncome: z.literal(true).optional() }), run: commitImport }),
  mapAccount: action({
    input: z.strictObject({ villageId, direction: z.enum(['收入', '支出']), label: text(1, 60), accountId: z.string().min(1).max(80) }),
    run: mapAccount,
  }),
  exportMonth: action({ input: z.strictObject({ villageId, period }), run: exportMonth }),
  months: action({ input: z.strictObject({ villageId }), run: months }),
  month: action({ input: z.strictObject({ villageId, month: monthKey }), run: month }),
  closeMonth: action({ input: z.strictObject({ villageId, month: monthKey, declaredClosingFen: balance, openingFen: balance.optional() }), run: closeMonth }),
  reopenMonth: action({ input: z.strictObject({ villageId, month: monthKey, reason: text(4, 200) }), run: reopenMonth }),
  queryRow: action({ input: z.strictObject({ villageId, rowId, reason: text(2, 300) }), run: queryRow }),
  answerQuery: action({ input: z.strictObject({ villageId, rowId, answer: text(2, 300) }), run: answerQuery }),
  sign: action({ input: z.strictObject({ villageId, month: monthKey }), run: sign }),
  report: action({ input: z.strictObject({ villageId, period }), run: report }),
  years: action({ input: z.strictObject({ villageId }), run: years }),
  money: action({ input: z.strictObject({ villageId }), run: money }),
  seen: action({ input: z.strictObject({ villageId }), run: seen }),
  fillDisclosure: action({ input: z.strictObject({ villageId, quarter }), run: fillDisclosure }),
  statementPdf: action({ input: z.strictObject({ villageId, period: z.union([monthKey, quarter]) }), run: statementPdf }),
};

export const financeFunction: FunctionDef<typeof actions> = { name: 'finance', actions, policy: { ...ledgerPolicy, ...reportPolicy, ...statementPolicy } };
