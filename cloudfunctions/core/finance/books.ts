import type { Ports } from '../../ports';
import { readAll, type Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { callerInVillage, type CallerInVillage } from '../caller/api';
import { settingsOf, type TownshipDoc, type TownshipSettings } from '../shared/records';
import type { AccountDoc } from './accounts';
import { monthKeyOf, newMonth, type MonthDoc, type RowDoc } from './model';
import { INSIDERS } from './policy';

// What every finance use case starts from: the caller in the village, the township's chart and
// settings, and the month documents read and written inside a transaction.

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

/** The 两委, the panel and the 监委会 see months before they are published. */
export const isInsider = (ctx: CallerInVillage) => ctx.roles.some((r) => (INSIDERS as readonly string[]).includes(r));

/** Every row of a village's month, in date order, a page at a time. */
export async function rowsOfMonth(ports: Ports, villageId: string, month: string): Promise<RowDoc[]> {
  return readAll(ports.store.collection<RowDoc>(C.ledgerRows), {
    where: { villageId, month },
    orderBy: [
      ['date', 'asc'],
      ['createdAt', 'asc'],
    ],
  });
}

export async function monthIn(tx: Transaction, villageId: string, month: string): Promise<MonthDoc> {
  return (await tx.get<MonthDoc>(C.ledgerMonths, monthKeyOf(villageId, month))) ?? newMonth(villageId, month);
}

export async function putMonth(tx: Transaction, m: MonthDoc): Promise<void> {
  const { _id, ...rest } = m;
  await tx.set(C.ledgerMonths, _id, rest);
}

export const CLOSED_MESSAGE = (month: string) => `${month} 已经结账，不能再记账；如需更正，请在以后的月份记调整分录并写明原因。`;
