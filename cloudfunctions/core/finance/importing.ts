import { randomBytes } from 'node:crypto';
import type { ImportPreview, ImportRentLink, RentSuggestion } from '../../../types/finance';
import type { Ports } from '../../ports';
import { isRentContract, noteRent, scanVillage, suggestRent } from '../assets/api';
import { appendAudit } from '../audit/api';
import { dropIncoming, takeIncoming } from '../attachments/api';
import { C } from '../collections';
import { actorOf, authorize } from '../caller/api';
import { readSheet, type Sheet, SheetError } from '../sheets/api';
import { sha256 } from '../shared/digest';
import { fail } from '../shared/errors';
import { accountLabelOf } from './accounts';
import { accountMapKeyOf, labelKey, matchAccount, type AccountMapDoc } from './account-match';
import { booksOf, CLOSED_MESSAGE, monthIn, putMonth, type Books } from './books';
import { readLedgerSheet, type LedgerRead } from './import';
import type { ImportedRow } from './import-model';
import type { MonthDoc, RowDoc } from './model';
import { ledgerPolicy } from './policy';
import { addToMonth, isLargeExpense, monthOfDate } from './rules';
import { previewOf } from './views';

// Importing a spreadsheet of rows (preview, then all or nothing), and the village's own account names.

type LedgerFile = { villageId: string; fileName: string; fileId: string; debitIsIncome?: true; contracts?: ImportRentLink[] };

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

export async function previewImport(ports: Ports, input: LedgerFile): Promise<ImportPreview> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.previewImport);
  const read = await checkSheet(ports, books, input.villageId, (await sheetOf(ports, input)).sheet, input.fileName);
  return previewOf(read, books, await rentSuggestionsOf(ports, input.villageId, read.rows));
}

/** Income rows that clearly pay one of the village's contracts: the 会计 ticks which to keep. */
async function rentSuggestionsOf(ports: Ports, villageId: string, rows: ImportedRow[]): Promise<RentSuggestion[]> {
  const found = await suggestRent(
    ports,
    villageId,
    rows.filter((r) => r.direction === '收入'),
  );
  return found.map(({ row, contractId, label }) => ({
    line: row.line,
    date: row.date,
    counterparty: row.counterparty,
    amountFen: row.amountFen,
    contractId,
    label,
  }));
}

/**
 * The contract each linked line pays, checked before anything is written: only an income row of
 * this file, once, and only the village's own contract.
 */
async function rentLinksOf(ports: Ports, villageId: string, rows: ImportedRow[], links: ImportRentLink[]): Promise<Map<number, string>> {
  const byLine = new Map<number, string>();
  // A file often pays the same contract on several lines: each contract is read once.
  const known = new Map<string, boolean>();
  for (const l of links) {
    if (byLine.has(l.line)) throw fail.invalid(`第 ${l.line} 行选了两份合同，一笔租金只能记到一份合同上，没有导入任何一行。`);
    const row = rows.find((r) => r.line === l.line);
    if (row?.direction !== '收入') throw fail.invalid(`第 ${l.line} 行不是一笔收入，不能记到合同的租金上，没有导入任何一行。`);
    if (!known.has(l.contractId)) known.set(l.contractId, await isRentContract(ports, villageId, l.contractId));
    if (!known.get(l.contractId)) throw fail.invalid(`第 ${l.line} 行要记到的合同不是本村的，没有导入任何一行。`);
    byLine.set(l.line, l.contractId);
  }
  return byLine;
}

/** All or nothing: a file with any problem writes no row. */
export async function commitImport(ports: Ports, input: LedgerFile): Promise<ImportPreview> {
  const books = await booksOf(ports, input.villageId);
  authorize(books.ctx, ledgerPolicy.commitImport);
  const { sheet, bytes } = await sheetOf(ports, input);
  const done = await commitSheet(ports, books, {
    villageId: input.villageId,
    fileName: input.fileName,
    sheet,
    fileKey: sha256(bytes),
    debitIsIncome: input.debitIsIncome === true,
    contracts: input.contracts,
  });
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
  input: { villageId: string; fileName: string; sheet: Sheet; fileKey: string; debitIsIncome?: boolean; contracts?: ImportRentLink[] },
): Promise<ImportPreview> {
  authorize(books.ctx, ledgerPolicy.commitImport);
  const read = await checkSheet(ports, books, input.villageId, input.sheet, input.fileName);
  const preview = previewOf(read, books);
  if (read.problems.length)
    throw fail.invalid(`有 ${read.problems.length} 行不对，没有导入任何一行。第 ${read.problems[0].row} 行：${read.problems[0].message}`);
  if (read.unknown.length) {
    const names = read.unknown.map((u) => `“${u.label}”`).join('');
    throw fail.precondition(
      `还有 ${read.unknown.length} 个科目不知道对应哪个科目：${names}。请在预览里为每个选一个科目（只需选一次，以后导入会记住），没有导入任何一行。`,
    );
  }
  // A journal's 借方 is money coming in only for cash and bank: the 会计 says so, having seen the preview.
  if (read.debitIsIncome && !input.debitIsIncome) throw fail.precondition('这个文件要按“借方记收入、贷方记支出”导入，请先在预览里确认，没有导入任何一行。');
  const rent = await rentLinksOf(ports, input.villageId, read.rows, input.contracts ?? []);
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
    ...(rent.has(r.line) ? { contractId: rent.get(r.line) } : {}),
    large: isLargeExpense(r.direction, r.amountFen, books.settings.largeExpenseFlagFen),
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
      for (const d of mine) {
        await tx.add(C.ledgerRows, d);
        // As addRow does: the receipt and the contract's total go in with the row or not at all.
        if (d.contractId) {
          await noteRent(tx, { villageId: d.villageId, rowId: d._id, contractId: d.contractId, date: d.date, amountFen: d.amountFen, summary: d.summary });
        }
      }
      await putMonth(tx, addToMonth(m, mine));
    }
    await appendAudit(tx, input.villageId, {
      actor: actorOf(books.ctx),
      action: 'finance.import',
      target: `ledger-import:${input.fileName.slice(0, 60)}`,
      change: docs.map((d) => ({
        id: d._id,
        date: d.date,
        accountId: d.accountId,
        amountFen: d.amountFen,
        ...(d.contractId ? { contractId: d.contractId } : {}),
      })),
      at,
    });
  });
  // Rent received changes what the contracts owe: their warnings are looked at once for the file.
  if (rent.size) await scanVillage(ports, input.villageId);
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
  const doc = {
    villageId: input.villageId,
    direction: input.direction,
    label: input.label,
    accountId: account._id,
    by: books.ctx.person?._id ?? books.ctx.openid ?? '',
    at,
  };
  await ports.store.transaction(async (tx) => {
    await tx.set(C.ledgerAccountMaps, id, doc);
    await appendAudit(tx, input.villageId, { actor: actorOf(books.ctx), action: 'finance.mapAccount', target: `account-map:${id}`, change: doc, at });
  });
  return { direction: input.direction, label: input.label, accountId: account._id, account: accountLabelOf(account) };
}
