import type { MonthView } from '../../../types/finance';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize } from '../caller/api';
import { digestOf } from '../shared/digest';
import { fail } from '../shared/errors';
import { local } from '../shared/time';
import { booksOf, monthIn, putMonth, rowsOfMonth } from './books';
import { chainBreaks, closingBreak, nextMonth, openingBreak, type MonthFacts } from './chain';
import { monthKeyOf, totalsKeyOf, type MonthDoc, type TotalsDoc } from './model';
import { ledgerPolicy } from './policy';
import { monthView } from './reads';
import { mergeTotals, monthTotalsOf, previousMonth, quarterOfMonth, signingCount, signingSummary, unreconciledMessage, yearOfMonth } from './rules';
import { signingGroupOf, tellOfPublished, tellOfVoided, type SignedOff } from './signing';

// A month's close-out: the 会计 closes it (结账) or reopens it; the 民主理财小组 signs it, and
// the signature that completes the count publishes it (月公示).

/**
 * 结账: the 会计 closes a month that has ended, declaring its closing balance. The opening
 * balance is the previous month's published closing balance; only the first month kept in the
 * system takes one typed in.
 */
export async function closeMonth(
  ports: Ports,
  input: { villageId: string; month: string; declaredClosingFen: number; openingFen?: number },
): Promise<MonthView> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.closeMonth);
  if (input.month >= local(ports.clock.now()).format('YYYY-MM')) throw fail.precondition('这个月还没过完，月底之后才能结账。');
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const m = await monthIn(tx, input.villageId, input.month);
    if (m.state !== 'open') throw fail.precondition('这个月已经结账了。');
    const prev = await tx.get<MonthDoc>(C.ledgerMonths, monthKeyOf(input.villageId, previousMonth(input.month)));
    let opening: number;
    if (prev) {
      if (prev.state !== 'published' || prev.declaredClosingFen === null) throw fail.precondition('上个月还没有公示，请先把上个月结账、签字公示。');
      opening = prev.declaredClosingFen;
      // A typed opening other than last month's published closing is a break, not a choice.
      const broken = input.openingFen === undefined ? null : openingBreak(input.month, input.openingFen, prev);
      if (broken) throw fail.precondition(`${broken}月初余额会自动接上个月公示的月末余额，不用填写。`);
    } else {
      if (input.openingFen === undefined) throw fail.invalid('这是系统里第一个结账的月份，请填写月初余额。');
      opening = input.openingFen;
    }
    // Books entered backwards: the month after may be published already, opening where this one must close.
    const next = await tx.get<MonthDoc>(C.ledgerMonths, monthKeyOf(input.villageId, nextMonth(input.month)));
    const ahead = closingBreak(input.month, input.declaredClosingFen, next?.state === 'published' ? next : null);
    if (ahead)
      throw fail.precondition(
        `不能结账：${ahead}请按银行对账单和库存现金核对${input.month.slice(0, 4)}年${Number(input.month.slice(5, 7))}月的账；已公示的月份不能再改。`,
      );
    // Books that do not add up are refused here, before anything is saved: the panel would only
    // refuse to sign them, and the 会计 is the one who can find the missing row.
    const unreconciled = unreconciledMessage('结账', opening, m.incomeFen, m.expenseFen, input.declaredClosingFen);
    if (unreconciled) throw fail.precondition(unreconciled);
    const closed: MonthDoc = { ...m, state: 'closed', openingFen: opening, declaredClosingFen: input.declaredClosingFen, closedAt: at, signatures: [] };
    await putMonth(tx, closed);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(books.ctx),
      action: 'finance.closeMonth',
      target: `month:${closed._id}`,
      change: { opening, declaredClosingFen: input.declaredClosingFen, incomeFen: m.incomeFen, expenseFen: m.expenseFen },
      at,
    });
  });
  return monthView(ports, input, books);
}

export async function reopenMonth(ports: Ports, input: { villageId: string; month: string; reason: string }): Promise<MonthView> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.reopenMonth);
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const m = await monthIn(tx, input.villageId, input.month);
    if (m.state !== 'closed') throw fail.precondition(m.state === 'published' ? '已公示的月份不能再打开；更正请记调整分录。' : '这个月还没有结账。');
    // Signatures given on the month as it was are void: the rows may change before it closes
    // again, and a signature vouches for the rows its signer saw. The signers are told.
    const voided = (m.signatures ?? []).map((s) => ({ personId: s.personId, at: s.at }));
    await putMonth(tx, { ...m, state: 'open', closedAt: null, declaredClosingFen: null, signatures: [] });
    await appendAudit(tx, input.villageId, {
      actor: actorOf(books.ctx),
      action: 'finance.reopenMonth',
      target: `month:${m._id}`,
      change: { reason: input.reason, voided },
      at,
    });
    await tellOfVoided(tx, m, input.reason, at);
  });
  return monthView(ports, input, books);
}

/**
 * A member of the 民主理财小组 signs a closed month: every query answered and the books
 * reconciled, or it is refused saying why. Each signature is kept on the month (who, when) and
 * audited. The signature that completes the count (one, or a majority of the group: a township
 * setting) publishes the month (月公示) in the same transaction and materialises its totals into
 * the month, its quarter and its year: two last signatures at once conflict on the month's
 * document, the second is retried, finds the month published and is told so — it publishes once.
 *
 * A 质询 raised after some have signed holds the remaining signatures until it is answered;
 * the signatures already given stand, as a closed month's rows cannot change. If the answer
 * leads the 会计 to correct a row, she reopens the month, and reopening voids every signature.
 */
export async function sign(ports: Ports, input: { villageId: string; month: string }): Promise<MonthView> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.sign);
  const me = books.ctx.person;
  const rule = books.settings.ledgerSignatures;
  const rows = await rowsOfMonth(ports, input.villageId, input.month);
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    // Who the caller is to this month comes first: a member of the group that signs, or nothing.
    const group = await signingGroupOf((c, id) => tx.get(c, id) as never, input.villageId);
    if (books.ctx.roles.includes('accountant')) throw fail.denied('记账的会计不能给自己记的账签字。');
    if (!me || !group.members.some((p) => p._id === me._id)) {
      throw fail.denied(
        group.body === '民主理财小组'
          ? `本村的月账由民主理财小组（${group.members.length} 人）签字；村务监督委员会可以质询，但不代替小组签字。`
          : '您不是本村民主理财小组的成员，不能签字。',
      );
    }
    const m = await monthIn(tx, input.villageId, input.month);
    if (m.state !== 'closed') throw fail.precondition(m.state === 'open' ? '会计还没有结账，结账后才能签字。' : '这个月已经签字公示了。');
    if (m.openQueries > 0) throw fail.precondition(`还有 ${m.openQueries} 笔质询没有答复，答复后才能签字。`);
    const opening = m.openingFen ?? 0;
    // 结账 refuses books that do not add up; kept here for months closed before it did.
    const unreconciled = unreconciledMessage('签字', opening, m.incomeFen, m.expenseFen, m.declaredClosingFen ?? 0);
    if (unreconciled) throw fail.precondition(unreconciled);
    // The months around it may have been published since it was closed: the chain must hold both ways.
    const neighbours: MonthFacts[] = [];
    for (const other of [previousMonth(input.month), nextMonth(input.month)]) {
      const d = await tx.get<MonthDoc>(C.ledgerMonths, monthKeyOf(input.villageId, other));
      if (d) neighbours.push(d);
    }
    const breaks = chainBreaks(neighbours, input.month, m.openingFen, m.declaredClosingFen);
    if (breaks.length) throw fail.precondition(`余额接不上，不能签字：${breaks.join('')}请会计重新打开这个月，核对余额后再结账。`);
    // The rows read before the transaction are the month's rows only if nothing moved since.
    if (m.rowCount !== rows.length) throw fail.conflict('账目刚刚有变动，请刷新后再签字。');

    const before = m.signatures ?? [];
    const already = before.some((s) => s.personId === me._id);
    const signatures = already ? before : [...before, { personId: me._id, name: me.name, at }];
    const memberIds = group.members.map((p) => p._id);
    const count = signingCount(
      signatures.map((s) => s.personId),
      memberIds,
      rule,
    );
    const names = signatures.filter((s) => memberIds.includes(s.personId)).map((s) => s.name);
    if (!count.complete) {
      // A second tap, or a second phone: one signature per person, and the month waits for others.
      if (already) throw fail.conflict(`您已经签过字了，不用再签。${signingSummary(names, memberIds.length, count.needed)}。`);
      await putMonth(tx, { ...m, signatures });
      await appendAudit(tx, input.villageId, {
        actor: actorOf(books.ctx),
        action: 'finance.signMonth',
        target: `month:${m._id}`,
        change: { personId: me._id, at, signed: count.counted, needed: count.needed, members: memberIds.length, rule },
        at,
      });
      return;
    }
    // The count is complete: this signature — or, when the group shrank or the township
    // changed its rule since, a signer's repeated call — publishes the month.
    const counted = signatures.filter((s) => memberIds.includes(s.personId));
    const signedOff: SignedOff = { body: group.body, rule, members: memberIds.length, needed: count.needed };
    const add = monthTotalsOf(m, rows);
    for (const period of [input.month, quarterOfMonth(input.month), yearOfMonth(input.month)]) {
      const key = totalsKeyOf(input.villageId, period);
      const merged = mergeTotals(await tx.get<TotalsDoc>(C.ledgerTotals, key), key, input.villageId, period, add);
      const { _id, ...rest } = merged;
      await tx.set(C.ledgerTotals, _id, rest);
    }
    await putMonth(tx, { ...m, state: 'published', publishedAt: at, signatures: counted, signedOff });
    // One record per call: the signature that completes the count is audited as the publication
    // it causes, naming every signature counted.
    await appendAudit(tx, input.villageId, {
      actor: actorOf(books.ctx),
      action: 'finance.publishMonth',
      target: `month:${m._id}`,
      change: {
        rows: digestOf(rows.map((r) => [r._id, r.date, r.accountId, r.amountFen, r.summary])),
        incomeFen: m.incomeFen,
        expenseFen: m.expenseFen,
        signatures: counted.map((s) => ({ personId: s.personId, at: s.at })),
        ...signedOff,
      },
      at,
    });
    await tellOfPublished(
      tx,
      m,
      group.body,
      counted.map((s) => s.name),
      at,
    );
  });
  return monthView(ports, input, books);
}
