import { z } from 'zod';
import { quarter } from '../disclosure/schema';
import { action, type FunctionDef } from '../shared/dispatch';
import { placeId } from '../shared/ids';
import { exportMonth, fillDisclosure, money, report, reportPolicy, seen } from './reports';
import { MONTH_KEY } from './rules';
import {
  accounts,
  addRow,
  answerQuery,
  closeMonth,
  commitImport,
  ledgerPolicy,
  month,
  months,
  previewImport,
  queryRow,
  removeRow,
  reopenMonth,
  sign,
} from './service';

const villageId = placeId;
const monthKey = z.string().regex(MONTH_KEY, '月份格式应为 2026-10 这样');
const period = z.union([monthKey, quarter, z.string().regex(/^20\d{2}$/)]);
const rowId = z.string().regex(/^[0-9a-f]{20}$/);
const fen = z.number().int().min(0).max(100_000_000_000);
const balance = z.number().int().min(-100_000_000_000).max(100_000_000_000);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const file = { villageId, fileName: text(1, 120), fileBase64: z.string().min(4).max(1_450_000) };

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
  commitImport: action({ input: z.strictObject(file), run: commitImport }),
  exportMonth: action({ input: z.strictObject({ villageId, period }), run: exportMonth }),
  months: action({ input: z.strictObject({ villageId }), run: months }),
  month: action({ input: z.strictObject({ villageId, month: monthKey }), run: month }),
  closeMonth: action({ input: z.strictObject({ villageId, month: monthKey, declaredClosingFen: balance, openingFen: balance.optional() }), run: closeMonth }),
  reopenMonth: action({ input: z.strictObject({ villageId, month: monthKey, reason: text(4, 200) }), run: reopenMonth }),
  queryRow: action({ input: z.strictObject({ villageId, rowId, reason: text(2, 300) }), run: queryRow }),
  answerQuery: action({ input: z.strictObject({ villageId, rowId, answer: text(2, 300) }), run: answerQuery }),
  sign: action({ input: z.strictObject({ villageId, month: monthKey }), run: sign }),
  report: action({ input: z.strictObject({ villageId, period }), run: report }),
  money: action({ input: z.strictObject({ villageId }), run: money }),
  seen: action({ input: z.strictObject({ villageId }), run: seen }),
  fillDisclosure: action({ input: z.strictObject({ villageId, quarter }), run: fillDisclosure }),
};

export const financeFunction: FunctionDef<typeof actions> = { name: 'finance', actions, policy: { ...ledgerPolicy, ...reportPolicy } };
