import { randomBytes } from 'node:crypto';
import type { ImportPreview, LedgerRow, LedgerRowInput, MonthView } from '../../../types/finance';
import type { Ports } from '../../ports';
import { readAll, type Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/chain';
import { C } from '../collections';
import type { Attachment } from '../../../types/disclosure';
import { attachmentViewsOf, resolveAttachments } from '../disclosure/attachments';
import { actorOf, authorize, callerInVillage, type CallerInVillage } from '../identity/context';
import { readSheet, SheetError, type Sheet } from '../sheets/api';
import { dropIncoming, takeIncoming } from '../attachments/incoming';
import { digestOf, sha256 } from '../shared/digest';
import { fail } from '../shared/errors';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';
import { local } from '../shared/time';
import { settingsOf, type TownshipDoc, type TownshipSettings } from '../village/model';
import { accountLabelOf, accountView, HOSPITALITY, type AccountDoc } from './accounts';
import { accountMapKeyOf, labelKey, matchAccount, type AccountMapDoc } from './account-match';
import { chainBreaks, closingBreak, nextMonth, openingBreak, type MonthFacts } from './chain';
import { readLedgerSheet, type LedgerRead } from './import';
import { tellOfQuery } from './notices';
import { sendAll, type Outgoing } from '../messages/tell';
import { LARGEST_KEPT, monthKeyOf, newMonth, totalsKeyOf, type MonthDoc, type PeriodTotals, type RowDoc, type TotalsDoc } from './model';
import { dueAfterMonth, monthOfDate, personalFieldsOf, personalRowMessage, previousMonth, quarterOfMonth, signingCount, signingSummary, unreconciledMessage, validBusinessDate, yearOfMonth } from './rules';
import { signingGroupOf, signingOf, tellOfPublished, tellOfVoided, type SignedOff } from './signing';

const ENTRY = ['accountant'] as const;
/** 民主理财小组 and the 监委会 review and sign. */
const PANEL = ['finance_panel', ...SUPERVISORS] as const;
const INSIDERS = [...CADRES, ...PANEL];

export const ledgerPolicy = {
  accounts: { allow: 'anyone' },
  addRow: { allow: ENTRY, scope: 'village' },
  removeRow: { allow: ENTRY, scope: 'village' },
  previewImport: { allow: ENTRY, scope: 'village' },
  commitImport: { allow: ENTRY, scope: 'village' },
  mapAccount: { allow: ENTRY, scope: 'village' },
  closeMonth: { allow: ENTRY, scope: 'village' },
  reopenMonth: { allow: ENTRY, scope: 'village' },
  answerQuery: { allow: ENTRY, scope: 'village' },
  queryRow: { allow: PANEL, scope: 'village' },
  sign: { allow: PANEL, scope: 'village' },
  // Published months are public; open and closed ones only to the 两委, the panel and the 监委会.
  months: { allow: 'anyone' },
  month: { allow: 'anyone' },
} satisfies Record<string, Rule>;

const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

export interface Books {
  ctx: CallerInVillage;
  settings: Required<TownshipSettings>;
  accounts: AccountDoc[];
  byId: Map<string, AccountDoc>;
}

export async function booksOf(ports: Ports, villageId: string): Promise<Books> {
  const ctx = await callerInVillage(ports, villageId);
  const [township, accounts] = await Promise.all([
    ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId),
    ports.store.collection<AccountDoc>(C.accounts).find({ where: { townshipId: ctx.village.townshipId }, orderBy: [['order', 'asc']], limit: 200 }),
  ]);
  return { ctx, settings: settingsOf(township), accounts, byId: new Map(accounts.map((a) => [a._id, a])) };
}

const isInsider = (ctx: CallerInVillage) => ctx.roles.some((r) => (INSIDERS as readonly string[]).includes(r));

/** Every row of a village's month, in date order, a page at a time. */
export async function rowsOfMonth(ports: Ports, villageId: string, month: string): Promise<RowDoc[]> {
  return readAll(ports.store.collection<RowDoc>(C.ledgerRows), { where: { villageId, month }, orderBy: [['date', 'asc'], ['createdAt', 'asc']] });
}

/** Plain-words flags: a large single expense, and 招待费 in a month whose 招待费 is above the setting. */
export function flagsOf(d: RowDoc, books: Books, hospitalityThisMonthFen: number): string[] {
  const flags: string[] = [];
  if (d.large) flags.push(`单笔支出 ${yuan(d.amountFen)} 元，达到 ${yuan(books.settings.largeExpenseFlagFen)} 元的提示线`);
  const account = books.byId.get(d.accountId);
  if (account?.name === HOSPITALITY && hospitalityThisMonthFen > books.settings.hospitalityMonthlyFlagFen) {
    flags.push(`本月招待费合计 ${yuan(hospitalityThisMonthFen)} 元，超过 ${yuan(books.settings.hospitalityMonthlyFlagFen)} 元`);
  }
  return flags;
}

export function hospitalityOf(rows: RowDoc[], books: Books): number {
  return rows.filter((r) => books.byId.get(r.accountId)?.name === HOSPITALITY).reduce((s, r) => s + r.amountFen, 0);
}

export async function rowView(ports: Ports, d: RowDoc, books: Books, hospitalityFen: number): Promise<LedgerRow> {
  return (await rowViews(ports, [d], books, () => hospitalityFen))[0];
}

/** Rows as the app shows them, their vouchers' addresses looked up together. */
export async function rowViews(ports: Ports, docs: RowDoc[], books: Books, hospitalityOfMonth: (month: string) => number): Promise<LedgerRow[]> {
  const vouchers = await attachmentViewsOf(ports, docs.map((d) => d.vouchers));
  return docs.map((d, i) => rowViewWith(d, books, hospitalityOfMonth(d.month), vouchers[i]));
}

function rowViewWith(d: RowDoc, books: Books, hospitalityFen: number, vouchers: Attachment[]): LedgerRow {
  const account = books.byId.get(d.accountId);
  return {
    id: d._id,
    month: d.month,
    date: d.date,
    direction: d.direction,
    accountId: d.accountId,
    account: account ? (account.parent ? `${account.parent}-${account.name}` : account.name) : d.accountId,
    amountFen: d.amountFen,
    counterparty: d.counterparty,
    summary: d.summary,
    handler: d.handler,
    vouchers,
    query: d.query ? { reason: d.query.reason, at: d.query.at, answer: d.query.answer, answeredAt: d.query.answeredAt } : null,
    adjusts: d.adjusts,
    flags: flagsOf(d, books, hospitalityFen),
  };
}

export async function accounts(ports: Ports, input: { villageId: string }) {
  const books = await booksOf(ports, input.villageId);
  return { accounts: books.accounts.map(accountView) };
}

async function monthIn(tx: Transaction, villageId: string, month: string): Promise<MonthDoc> {
  return (await tx.get<MonthDoc>(C.ledgerMonths, monthKeyOf(villageId, month))) ?? newMonth(villageId, month);
}

async function putMonth(tx: Transaction, m: MonthDoc): Promise<void> {
  const { _id, ...rest } = m;
  await tx.set(C.ledgerMonths, _id, rest);
}

const CLOSED_MESSAGE = (month: string) => `${month} 已经结账，不能再记账；如需更正，请在以后的月份记调整分录并写明原因。`;

/** The 会计 records one row in an open month. */
export async function addRow(ports: Ports, input: LedgerRowInput): Promise<LedgerRow> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.addRow);
  const check = validBusinessDate(input.date, ports.clock.now());
  if (check !== 'ok') throw fail.invalid(check === 'future' ? '日期还没到，不能提前记账。' : '日期不对，请写成 2026-10-08。');
  const account = books.byId.get(input.accountId);
  if (!account) throw fail.invalid('没有这个会计科目。');
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
    large: account.direction === '支出' && input.amountFen >= books.settings.largeExpenseFlagFen,
    createdAt: at,
  };
  await ports.store.transaction(async (tx) => {
    const m = await monthIn(tx, input.villageId, month);
    if (m.state !== 'open') throw fail.precondition(CLOSED_MESSAGE(month));
    await tx.add(C.ledgerRows, doc);
    await putMonth(tx, addToMonth(m, [doc]));
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.addRow', target: `ledger:${doc._id}`, change: doc, at });
  });
  return rowView(ports, doc, books, 0);
}

function addToMonth(m: MonthDoc, rows: RowDoc[], sign = 1): MonthDoc {
  const income = rows.filter((r) => r.direction === '收入').reduce((s, r) => s + r.amountFen, 0);
  const expense = rows.filter((r) => r.direction === '支出').reduce((s, r) => s + r.amountFen, 0);
  return { ...m, rowCount: m.rowCount + sign * rows.length, incomeFen: m.incomeFen + sign * income, expenseFen: m.expenseFen + sign * expense };
}

export async function removeRow(ports: Ports, input: { villageId: string; rowId: string }): Promise<{ removed: true }> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, ledgerPolicy.removeRow);
  const at = ports.clock.now().toISOString();
  await ports.store.transaction(async (tx) => {
    const row = await tx.get<RowDoc>(C.ledgerRows, input.rowId);
    if (!row || row.villageId !== input.villageId) throw fail.notFound('没有找到这一笔。');
    const m = await monthIn(tx, input.villageId, row.month);
    if (m.state !== 'open') throw fail.precondition(CLOSED_MESSAGE(row.month));
    await tx.remove(C.ledgerRows, row._id);
    await putMonth(tx, addToMonth(m, [row], -1));
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'finance.removeRow', target: `ledger:${row._id}`, change: row, at });
  });
  return { removed: true };
}

type LedgerFile = { villageId: string; fileName: string; fileId: string; debitIsIncome?: true };

async function sheetOf(ports: Ports, input: LedgerFile): Promise<{ sheet: Sheet; bytes: Buffer }> {
  const { bytes } = await takeIncoming(ports, { villageId: input.villageId, fileId: input.fileId, purpose: 'ledger' });
  try {
    return { sheet: await readSheet(input.fileName, bytes), bytes };
  } catch (e) {
    if (e instanceof SheetError) throw fail.invalid(e.message);
    throw e;
  }
}

/** Reads a sheet against the village's books: its months (balances, which take rows) and its own account names. */
async function checkSheet(ports: Ports, books: Books, villageId: string, sheet: Sheet, fileName: string): Promise<LedgerRead> {
  const [months, maps] = await Promise.all([
    ports.store.collection<MonthDoc>(C.ledgerMonths).find({ where: { villageId }, limit: 1000 }),
    ports.store.collection<AccountMapDoc>(C.ledgerAccountMaps).find({ where: { villageId }, limit: 1000 }),
  ]);
  return readLedgerSheet(sheet, { accounts: books.accounts, maps, months, now: ports.clock.now(), fileName });
}

function previewOf(read: LedgerRead, books: Books): ImportPreview {
  return {
    rows: read.vouchers,
    months: [...new Set(read.rows.map((r) => monthOfDate(r.date)))].sort(),
    incomeFen: read.rows.filter((r) => r.direction === '收入').reduce((s, r) => s + r.amountFen, 0),
    expenseFen: read.rows.filter((r) => r.direction === '支出').reduce((s, r) => s + r.amountFen, 0),
    problems: read.problems,
    headerRow: read.headerRow,
    columns: read.columns,
    skipped: read.skipped,
    journal: read.journal,
    debitIsIncome: read.debitIsIncome,
    openingFen: read.openingFen,
    closingFen: read.closingFen,
    unknownAccounts: read.unknown.map((u) => ({ ...u, choices: books.accounts.filter((a) => a.direction === u.direction).map(accountView) })),
  };
}

export async function previewImport(ports: Ports, input: LedgerFile): Promise<ImportPreview> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.previewImport);
  return previewOf(await checkSheet(ports, books, input.villageId, (await sheetOf(ports, input)).sheet, input.fileName), books);
}

/** All or nothing: a file with any problem writes no row. */
export async function commitImport(ports: Ports, input: LedgerFile): Promise<ImportPreview> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.commitImport);
  const { sheet, bytes } = await sheetOf(ports, input);
  const done = await commitSheet(ports, books, { villageId: input.villageId, fileName: input.fileName, sheet, fileKey: sha256(bytes), debitIsIncome: input.debitIsIncome === true });
  await dropIncoming(ports, input.fileId);
  return done;
}

/**
 * Checks and writes a read spreadsheet: the import's second half, also used by the demo seed
 * (which builds its sheets in memory). `fileKey` identifies the file so it is taken once.
 */
export async function commitSheet(
  ports: Ports,
  books: Books,
  input: { villageId: string; fileName: string; sheet: Sheet; fileKey: string; debitIsIncome?: boolean },
): Promise<ImportPreview> {
  authorize(books.ctx, ledgerPolicy.commitImport);
  const read = await checkSheet(ports, books, input.villageId, input.sheet, input.fileName);
  const preview = previewOf(read, books);
  if (read.problems.length) throw fail.invalid(`有 ${read.problems.length} 行不对，没有导入任何一行。第 ${read.problems[0].row} 行：${read.problems[0].message}`);
  if (read.unknown.length) {
    const names = read.unknown.map((u) => `“${u.label}”`).join('');
    throw fail.precondition(`还有 ${read.unknown.length} 个科目不知道对应哪个科目：${names}。请在预览里为每个选一个科目（只需选一次，以后导入会记住），没有导入任何一行。`);
  }
  // A journal's 借方 is money coming in only for cash and bank: the 会计 says so, having seen the preview.
  if (read.debitIsIncome && !input.debitIsIncome) throw fail.precondition('这个文件要按“借方记收入、贷方记支出”导入，请先在预览里确认，没有导入任何一行。');
  const at = ports.clock.now().toISOString();
  const docs: RowDoc[] = read.rows.map((r) => ({
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    month: monthOfDate(r.date),
    date: r.date,
    direction: r.direction,
    accountId: r.accountId,
    amountFen: r.amountFen,
    counterparty: r.counterparty,
    summary: r.summary,
    handler: r.handler,
    vouchers: [],
    query: null,
    adjusts: null,
    large: r.direction === '支出' && r.amountFen >= books.settings.largeExpenseFlagFen,
    createdAt: at,
  }));
  // The same file twice (a second tap, or a resend from the chat) would double every row.
  const fileKey = `${input.villageId}:${input.fileKey}`;
  await ports.store.transaction(async (tx) => {
    if (await tx.get(C.ledgerImports, fileKey)) throw fail.conflict('这个文件已经导入过了，没有重复导入。');
    await tx.add(C.ledgerImports, { _id: fileKey, villageId: input.villageId, fileName: input.fileName, rows: docs.length, at });
    for (const month of preview.months) {
      const m = await monthIn(tx, input.villageId, month);
      // The month may have been closed since the preview.
      if (m.state !== 'open') throw fail.precondition(CLOSED_MESSAGE(month));
      const mine = docs.filter((d) => d.month === month);
      for (const d of mine) await tx.add(C.ledgerRows, d);
      await putMonth(tx, addToMonth(m, mine));
    }
    await appendAudit(tx, input.villageId, {
      actor: actorOf(books.ctx),
      action: 'finance.import',
      target: `ledger-import:${input.fileName.slice(0, 60)}`,
      change: docs.map((d) => ({ id: d._id, date: d.date, accountId: d.accountId, amountFen: d.amountFen })),
      at,
    });
  });
  return preview;
}

/**
 * The 会计 says once which account a name (or code) in the village's journals means; every later
 * import of the village reads it so. A name the chart already knows cannot be pointed elsewhere:
 * 招待费 stays 招待费, whatever a mapping would say.
 */
export async function mapAccount(
  ports: Ports,
  input: { villageId: string; direction: '收入' | '支出'; label: string; accountId: string },
): Promise<{ direction: '收入' | '支出'; label: string; accountId: string; account: string }> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.mapAccount);
  const account = books.byId.get(input.accountId);
  if (!account || account.direction !== input.direction) throw fail.invalid(`没有这个${input.direction}科目，请从列出的${input.direction}科目里选一个。`);
  if (!labelKey(input.label)) throw fail.invalid('科目名称不能为空。');
  const known = matchAccount(books.accounts, [], input.direction, input.label, '');
  const already = 'found' in known ? known.found : 'otherSide' in known ? known.otherSide : null;
  if (already) throw fail.invalid(`“${input.label}”就是科目“${accountLabelOf(already)}”，导入时会直接认出，不需要再选。`);
  const at = ports.clock.now().toISOString();
  const id = accountMapKeyOf(input.villageId, input.direction, input.label);
  const doc = { villageId: input.villageId, direction: input.direction, label: input.label, accountId: account._id, by: books.ctx.person?._id ?? books.ctx.openid ?? '', at };
  await ports.store.transaction(async (tx) => {
    await tx.set(C.ledgerAccountMaps, id, doc);
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.mapAccount', target: `account-map:${id}`, change: doc, at });
  });
  return { direction: input.direction, label: input.label, accountId: account._id, account: accountLabelOf(account) };
}

/**
 * The village's months, newest first, each with its due dates (镇里的设置: closed by the 10th and
 * published by the 15th of the next month) and whether it is late.
 */
export async function months(ports: Ports, input: { villageId: string }) {
  const books = await booksOf(ports, input.villageId);
  const ctx = books.ctx;
  const rows = await ports.store.collection<MonthDoc>(C.ledgerMonths).find({
    where: isInsider(ctx) ? { villageId: input.villageId } : { villageId: input.villageId, state: 'published' },
    orderBy: [['month', 'desc']],
    limit: 240,
  });
  const base = rows.map((m) => ({ month: m.month, state: m.state, rows: m.rowCount, openQueries: m.openQueries, publishedAt: m.publishedAt }));
  if (isInsider(ctx)) {
    // The month just ended and the current one take rows even before their first is written.
    const current = local(ports.clock.now()).format('YYYY-MM');
    for (const m of [current, previousMonth(current)]) {
      if (!base.some((x) => x.month === m)) base.push({ month: m, state: 'open', rows: 0, openQueries: 0, publishedAt: null });
    }
    base.sort((a, b) => (a.month < b.month ? 1 : -1));
  }
  const today = local(ports.clock.now()).format('YYYY-MM-DD');
  return {
    months: base.map(({ publishedAt, ...m }) => {
      const publishBy = dueAfterMonth(m.month, books.settings.ledgerPublishDay);
      const publishedOn = publishedAt ? local(new Date(publishedAt)).format('YYYY-MM-DD') : null;
      return {
        ...m,
        closeBy: dueAfterMonth(m.month, books.settings.ledgerCloseDay),
        publishBy,
        late: publishedOn ? publishedOn > publishBy : today > publishBy,
      };
    }),
  };
}

export async function monthView(ports: Ports, input: { villageId: string; month: string }, books?: Books): Promise<MonthView> {
  const b = books ?? (await booksOf(ports, input.villageId));
  const m = (await ports.store.collection<MonthDoc>(C.ledgerMonths).get(monthKeyOf(input.villageId, input.month))) ?? newMonth(input.villageId, input.month);
  if (m.state !== 'published' && !isInsider(b.ctx)) {
    throw fail.notFound(`${input.month.slice(0, 4)}年${Number(input.month.slice(5, 7))}月的账还没有公示。`);
  }
  const [rows, group] = await Promise.all([
    rowsOfMonth(ports, input.villageId, input.month),
    signingGroupOf((c, id) => ports.store.collection(c).get(id) as never, input.villageId),
  ]);
  const hospitality = hospitalityOf(rows, b);
  return {
    villageId: input.villageId,
    month: input.month,
    state: m.state,
    openingFen: m.openingFen,
    incomeFen: m.incomeFen,
    expenseFen: m.expenseFen,
    computedClosingFen: m.openingFen === null ? null : m.openingFen + m.incomeFen - m.expenseFen,
    declaredClosingFen: m.declaredClosingFen,
    openQueries: m.openQueries,
    closedAt: m.closedAt,
    publishedAt: m.publishedAt,
    signing: signingOf(m, group, b.settings.ledgerSignatures, b.ctx.person?._id ?? null),
    rows: await rowViews(ports, rows, b, () => hospitality),
  };
}

export const month = (ports: Ports, input: { villageId: string; month: string }) => monthView(ports, input);

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
    if (ahead) throw fail.precondition(`不能结账：${ahead}请按银行对账单和库存现金核对${input.month.slice(0, 4)}年${Number(input.month.slice(5, 7))}月的账；已公示的月份不能再改。`);
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
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.reopenMonth', target: `month:${m._id}`, change: { reason: input.reason, voided }, at });
    await tellOfVoided(tx, m, input.reason, at);
  });
  return monthView(ports, input, books);
}

async function rowInClosedMonth(tx: Transaction, villageId: string, rowId: string): Promise<{ row: RowDoc; m: MonthDoc }> {
  const row = await tx.get<RowDoc>(C.ledgerRows, rowId);
  if (!row || row.villageId !== villageId) throw fail.notFound('没有找到这一笔。');
  const m = await monthIn(tx, villageId, row.month);
  if (m.state !== 'closed') throw fail.precondition(m.state === 'open' ? '这个月还没有结账，结账后才能审核。' : '这个月已经公示，不能再质询；有疑问请向监委会提问。');
  return { row, m };
}

/** The panel queries a row with a reason; the 会计 must answer before the month can be signed. */
export async function queryRow(ports: Ports, input: { villageId: string; rowId: string; reason: string }): Promise<LedgerRow> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.queryRow);
  const at = ports.clock.now().toISOString();
  let out: RowDoc | null = null;
  const told: Outgoing = [];
  await ports.store.transaction(async (tx) => {
    told.length = 0;
    const { row, m } = await rowInClosedMonth(tx, input.villageId, input.rowId);
    const wasOpen = row.query !== null && row.query.answer === null;
    const query = { reason: input.reason, at, answer: null, answeredAt: null, by: books.ctx.person?._id ?? null };
    await tx.update(C.ledgerRows, row._id, { query });
    if (!wasOpen) await putMonth(tx, { ...m, openQueries: m.openQueries + 1 });
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.queryRow', target: `ledger:${row._id}`, change: query, at });
    await tellOfQuery(tx, row, at, told);
    out = { ...row, query };
  });
  await sendAll(ports, told);
  return rowView(ports, out as unknown as RowDoc, books, 0);
}

export async function answerQuery(ports: Ports, input: { villageId: string; rowId: string; answer: string }): Promise<LedgerRow> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.answerQuery);
  const at = ports.clock.now().toISOString();
  let out: RowDoc | null = null;
  await ports.store.transaction(async (tx) => {
    const { row, m } = await rowInClosedMonth(tx, input.villageId, input.rowId);
    if (!row.query || row.query.answer !== null) throw fail.precondition('这一笔没有待答复的质询。');
    const query = { ...row.query, answer: input.answer, answeredAt: at };
    await tx.update(C.ledgerRows, row._id, { query });
    await putMonth(tx, { ...m, openQueries: Math.max(0, m.openQueries - 1) });
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.answerQuery', target: `ledger:${row._id}`, change: query, at });
    out = { ...row, query };
  });
  return rowView(ports, out as unknown as RowDoc, books, 0);
}

function mergeTotals(t: TotalsDoc | null, key: string, villageId: string, period: string, add: PeriodTotals): TotalsDoc {
  const base: TotalsDoc = t ?? { _id: key, villageId, period, months: [], incomeFen: 0, expenseFen: 0, byAccount: {}, openingFen: null, closingFen: null, largest: [] };
  if (base.months.includes(add.months[0])) return base;
  const byAccount = { ...base.byAccount };
  for (const [id, fen] of Object.entries(add.byAccount)) byAccount[id] = (byAccount[id] ?? 0) + fen;
  const months = [...base.months, ...add.months].sort();
  const first = months[0] === add.months[0];
  const last = months[months.length - 1] === add.months[0];
  return {
    ...base,
    months,
    incomeFen: base.incomeFen + add.incomeFen,
    expenseFen: base.expenseFen + add.expenseFen,
    byAccount,
    openingFen: first ? add.openingFen : base.openingFen,
    closingFen: last ? add.closingFen : base.closingFen,
    largest: [...base.largest, ...add.largest].sort((a, b) => b.amountFen - a.amountFen).slice(0, LARGEST_KEPT),
  };
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
    const count = signingCount(signatures.map((s) => s.personId), memberIds, rule);
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
    const byAccount: Record<string, number> = {};
    for (const r of rows) byAccount[r.accountId] = (byAccount[r.accountId] ?? 0) + r.amountFen;
    const add: PeriodTotals = {
      months: [input.month],
      incomeFen: m.incomeFen,
      expenseFen: m.expenseFen,
      byAccount,
      openingFen: opening,
      closingFen: m.declaredClosingFen,
      largest: [...rows]
        .sort((a, b) => b.amountFen - a.amountFen)
        .slice(0, LARGEST_KEPT)
        .map((r) => ({ rowId: r._id, month: r.month, date: r.date, direction: r.direction, accountId: r.accountId, amountFen: r.amountFen, summary: r.summary })),
    };
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
    await tellOfPublished(tx, m, group.body, counted.map((s) => s.name), at);
  });
  return monthView(ports, input, books);
}
