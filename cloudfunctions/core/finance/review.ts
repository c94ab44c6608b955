import type { LedgerRow } from '../../../types/finance';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize } from '../caller/api';
import { type Outgoing, sendAll } from '../messages/api';
import { fail } from '../shared/errors';
import { booksOf, monthIn, putMonth } from './books';
import type { MonthDoc, RowDoc } from './model';
import { tellOfQuery } from './notices';
import { ledgerPolicy } from './policy';
import { rowView } from './views';

// 质询 and 答复: the panel questions a row of a closed month, the 会计 answers before it can be signed.

async function rowInClosedMonth(tx: Transaction, villageId: string, rowId: string): Promise<{ row: RowDoc; m: MonthDoc }> {
  const row = await tx.get<RowDoc>(C.ledgerRows, rowId);
  if (!row || row.villageId !== villageId) throw fail.notFound('没有找到这一笔。');
  const m = await monthIn(tx, villageId, row.month);
  if (m.state !== 'closed')
    throw fail.precondition(m.state === 'open' ? '这个月还没有结账，结账后才能审核。' : '这个月已经公示，不能再质询；有疑问请向监委会提问。');
  return { row, m };
}

/** The panel queries a row with a reason; the 会计 must answer before the month can be signed. */
export async function queryRow(ports: Ports, input: { villageId: string; rowId: string; reason: string }): Promise<LedgerRow> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.queryRow);
  const at = ports.clock.now().toISOString();
  const told: Outgoing = [];
  const out = await ports.store.transaction(async (tx) => {
    told.length = 0;
    const { row, m } = await rowInClosedMonth(tx, input.villageId, input.rowId);
    const wasOpen = row.query !== null && row.query.answer === null;
    const query = { reason: input.reason, at, answer: null, answeredAt: null, by: books.ctx.person?._id ?? null };
    await tx.update(C.ledgerRows, row._id, { query });
    if (!wasOpen) await putMonth(tx, { ...m, openQueries: m.openQueries + 1 });
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.queryRow', target: `ledger:${row._id}`, change: query, at });
    await tellOfQuery(tx, row, at, told);
    return { ...row, query };
  });
  await sendAll(ports, told);
  return rowView(ports, out, books, 0);
}

export async function answerQuery(ports: Ports, input: { villageId: string; rowId: string; answer: string }): Promise<LedgerRow> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.answerQuery);
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx) => {
    const { row, m } = await rowInClosedMonth(tx, input.villageId, input.rowId);
    if (!row.query || row.query.answer !== null) throw fail.precondition('这一笔没有待答复的质询。');
    const query = { ...row.query, answer: input.answer, answeredAt: at };
    await tx.update(C.ledgerRows, row._id, { query });
    await putMonth(tx, { ...m, openQueries: Math.max(0, m.openQueries - 1) });
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.answerQuery', target: `ledger:${row._id}`, change: query, at });
    return { ...row, query };
  });
  return rowView(ports, out, books, 0);
}
