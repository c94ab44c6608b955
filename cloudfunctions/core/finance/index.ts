import { z } from 'zod';
import {
  LEDGER_CHANGE_REASON,
  LEDGER_COUNTERPARTY,
  LEDGER_HANDLER,
  LEDGER_IMPORT_RENT,
  LEDGER_QUERY,
  LEDGER_SUMMARY,
  LEDGER_VOUCHERS,
  type TextLimit,
} from '../../../common/limits';
import { MAX_FEN } from '../../../common/money';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId, storedFileId } from '../shared/ids';
import { MONTH_KEY, quarter } from '../shared/keys';
import { closeMonth, reopenMonth, sign } from './closing';
import { addRow, removeRow } from './entries';
import { exportMonth, fillDisclosure } from './export';
import { commitImport, mapAccount, previewImport } from './importing';
import { financePolicy } from './policy';
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
const text = ({ min, max }: TextLimit) => z.string().trim().min(min).max(max);
const file = { villageId, fileName: text({ min: 1, max: 120 }), fileId: storedFileId };

const actions = {
  accounts: action({ input: z.strictObject({ villageId }), run: accounts }),
  addRow: action({
    input: z.strictObject({
      villageId,
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-10-08'),
      accountId: z.string().min(1).max(80),
      amountFen: fen.min(1),
      counterparty: z.string().trim().max(LEDGER_COUNTERPARTY.max),
      summary: text(LEDGER_SUMMARY),
      handler: z.string().trim().max(LEDGER_HANDLER.max),
      vouchers: z
        .array(z.string().regex(/^[0-9a-f]{24}$/))
        .max(LEDGER_VOUCHERS.max)
        .optional(),
      adjusts: z.strictObject({ rowId, reason: text(LEDGER_CHANGE_REASON) }).optional(),
      contractId: rowId.optional(),
    }),
    run: addRow,
  }),
  removeRow: action({ input: z.strictObject({ villageId, rowId }), run: removeRow }),
  previewImport: action({ input: z.strictObject(file), run: previewImport }),
  // The 会计's confirmation that the file's 借方 is 收入 and 贷方 支出 (a cash or bank journal).
  // …and the income rows that pay a contract, as the 会计 kept the preview's suggestions.
  commitImport: action({
    input: z.strictObject({
      ...file,
      debitIsIncome: z.literal(true).optional(),
      contracts: z
        .array(z.strictObject({ line: z.number().int().min(1), contractId: rowId }))
        .max(LEDGER_IMPORT_RENT.max)
        .optional(),
    }),
    run: commitImport,
  }),
  mapAccount: action({
    input: z.strictObject({ villageId, direction: z.enum(['收入', '支出']), label: text({ min: 1, max: 60 }), accountId: z.string().min(1).max(80) }),
    run: mapAccount,
  }),
  exportMonth: action({ input: z.strictObject({ villageId, period }), run: exportMonth }),
  months: action({ input: z.strictObject({ villageId }), run: months }),
  month: action({ input: z.strictObject({ villageId, month: monthKey }), run: month }),
  closeMonth: action({ input: z.strictObject({ villageId, month: monthKey, declaredClosingFen: balance, openingFen: balance.optional() }), run: closeMonth }),
  reopenMonth: action({ input: z.strictObject({ villageId, month: monthKey, reason: text(LEDGER_CHANGE_REASON) }), run: reopenMonth }),
  queryRow: action({ input: z.strictObject({ villageId, rowId, reason: text(LEDGER_QUERY) }), run: queryRow }),
  answerQuery: action({ input: z.strictObject({ villageId, rowId, answer: text(LEDGER_QUERY) }), run: answerQuery }),
  sign: action({ input: z.strictObject({ villageId, month: monthKey }), run: sign }),
  report: action({ input: z.strictObject({ villageId, period }), run: report }),
  years: action({ input: z.strictObject({ villageId }), run: years }),
  money: action({ input: z.strictObject({ villageId }), run: money }),
  seen: action({ input: z.strictObject({ villageId }), run: seen }),
  fillDisclosure: action({ input: z.strictObject({ villageId, quarter }), run: fillDisclosure }),
  statementPdf: action({ input: z.strictObject({ villageId, period: z.union([monthKey, quarter]) }), run: statementPdf }),
};

export const financeFunction: FunctionDef<typeof actions> = { name: 'finance', actions, policy: financePolicy };
