import { randomBytes } from 'node:crypto';
import type { LedgerRow, LedgerRowInput } from '../../../types/finance';
import type { Ports } from '../../ports';
import { checkRentContract, dropRent, noteRent, scanVillage } from '../assets/api';
import { appendAudit } from '../audit/api';
import { resolveAttachments } from '../attachments/api';
import { C } from '../collections';
import { actorOf, authorize, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import { booksOf, CLOSED_MESSAGE, monthIn, putMonth } from './books';
import { monthKeyOf, type MonthDoc, type RowDoc } from './model';
import { ledgerPolicy } from './policy';
import { addToMonth, isLargeExpense, monthOfDate, personalFieldsOf, personalRowMessage, validBusinessDate } from './rules';
import { rowView } from './views';

// The 会计 writes and takes back rows of an open month, the month's totals kept in the same transaction.

/** The 会计 records one row in an open month. */
export async function addRow(ports: Ports, input: LedgerRowInput): Promise<LedgerRow> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.addRow);
  const check = validBusinessDate(input.date, ports.clock.now());
  if (check !== 'ok') throw fail.invalid(check === 'future' ? '日期还没到，不能提前记账。' : '日期不对，请写成 2026-10-08。');
  const account = books.byId.get(input.accountId);
  if (!account) throw fail.invalid('没有这个会计科目。');
  if (input.contractId) {
    if (account.direction !== '收入') throw fail.invalid('只有收入才能记到合同的租金上。');
    await checkRentContract(ports, input.villageId, input.contractId);
  }
  const personal = personalFieldsOf(input);
  if (personal.length) throw fail.invalid(`${personalRowMessage(personal)}。`);
  if (input.adjusts) {
    const target = await ports.store.collection<RowDoc>(C.ledgerRows).get(input.adjusts.rowId);
    const targetMonth = target ? await ports.store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(input.villageId, target.month)) : null;
    if (!target || target.villageId !== input.villageId) throw fail.invalid('要调整的那一笔找不到。');
    if (targetMonth?.state !== 'published') throw fail.invalid('还没公示的月份直接修改那一笔即可，不需要调整分录。');
  }
  const vouchers = await resolveAttachments(ports, input.villageId, input.vouchers ?? []);
  const month = monthOfDate(input.date);
  const at = ports.clock.now().toISOString();
  const doc: RowDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    month,
    date: input.date,
    direction: account.direction,
    accountId: account._id,
    amountFen: input.amountFen,
    counterparty: input.counterparty,
    summary: input.summary,
    handler: input.handler,
    vouchers,
    query: null,
    adjusts: input.adjusts ?? null,
    contractId: input.contractId ?? null,
    large: isLargeExpense(account.direction, input.amountFen, books.settings.largeExpenseFlagFen),
    createdAt: at,
  };
  await ports.store.transaction(async (tx) => {
    const m = await monthIn(tx, input.villageId, month);
    if (m.state !== 'open') throw fail.precondition(CLOSED_MESSAGE(month));
    await tx.add(C.ledgerRows, doc);
    if (doc.contractId) {
      await noteRent(tx, {
        villageId: doc.villageId,
        rowId: doc._id,
        contractId: doc.contractId,
        date: doc.date,
        amountFen: doc.amountFen,
        summary: doc.summary,
      });
    }
    await putMonth(tx, addToMonth(m, [doc]));
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.addRow', target: `ledger:${doc._id}`, change: doc, at });
  });
  if (doc.contractId) await scanVillage(ports, input.villageId);
  return rowView(ports, doc, books, 0);
}

export async function removeRow(ports: Ports, input: { villageId: string; rowId: string }): Promise<{ removed: true }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, ledgerPolicy.removeRow);
  const at = ports.clock.now().toISOString();
  const removed = await ports.store.transaction(async (tx): Promise<RowDoc> => {
    const row = await tx.get<RowDoc>(C.ledgerRows, input.rowId);
    if (!row || row.villageId !== input.villageId) throw fail.notFound('没有找到这一笔。');
    const m = await monthIn(tx, input.villageId, row.month);
    if (m.state !== 'open') throw fail.precondition(CLOSED_MESSAGE(row.month));
    await tx.remove(C.ledgerRows, row._id);
    if (row.contractId) await dropRent(tx, row._id);
    await putMonth(tx, addToMonth(m, [row], -1));
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'finance.removeRow', target: `ledger:${row._id}`, change: row, at });
    return row;
  });
  if (removed.contractId) await scanVillage(ports, input.villageId);
  return { removed: true };
}
