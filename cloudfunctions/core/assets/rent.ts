import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { authorize, callerInVillage } from '../caller/api';
import { C } from '../collections';
import { fail } from '../shared/errors';
import { findAll } from '../shared/paging';
import { chinaDay } from '../shared/time';
import type { AssetDoc, ContractDoc, ReceiptDoc, ResourceDoc } from './model';
import { assetsPolicy } from './policy';
import { rentMatchScore, statusOn } from './rules';
import { CONTRACT_KIND_LABEL } from '../../../types/assets';

// Rent is money in the ledger: the 会计 enters an income row and names the contract it pays. The
// ledger keeps the row; the contract keeps what it has received, in the row's own transaction.

/** The row as the contract records it. */
export interface RentRow {
  villageId: string;
  rowId: string;
  contractId: string;
  date: string;
  amountFen: number;
  summary: string;
}

/** Before the row's transaction: the contract must be this village's and not yet replaced. */
export async function checkRentContract(ports: Ports, villageId: string, contractId: string): Promise<void> {
  if (!(await isRentContract(ports, villageId, contractId))) throw fail.invalid('没有找到这份合同。');
}

/** Whether rent may be written to the contract: it is this village's (an import says which line is wrong). */
export async function isRentContract(ports: Ports, villageId: string, contractId: string): Promise<boolean> {
  const c = await ports.store.collection<ContractDoc>(C.contracts).get(contractId);
  return c?.villageId === villageId;
}

/** In the ledger row's transaction: the receipt and the contract's total change with the row or not at all. */
export async function noteRent(tx: Transaction, row: RentRow): Promise<void> {
  const c = await tx.get<ContractDoc>(C.contracts, row.contractId);
  if (!c || c.villageId !== row.villageId) throw fail.invalid('没有找到这份合同。');
  const receipt: ReceiptDoc = {
    _id: row.rowId,
    villageId: row.villageId,
    contractId: row.contractId,
    date: row.date,
    amountFen: row.amountFen,
    summary: row.summary,
  };
  await tx.add(C.assetReceipts, receipt);
  await tx.update(C.contracts, c._id, { receivedFen: c.receivedFen + row.amountFen });
}

/** A row taken back before its month closed takes its rent off the contract with it. */
export async function dropRent(tx: Transaction, rowId: string): Promise<void> {
  const r = await tx.get<ReceiptDoc>(C.assetReceipts, rowId);
  if (!r) return;
  const c = await tx.get<ContractDoc>(C.contracts, r.contractId);
  await tx.remove(C.assetReceipts, rowId);
  if (c) await tx.update(C.contracts, c._id, { receivedFen: c.receivedFen - r.amountFen });
}

export interface RentTarget {
  id: string;
  label: string;
  score: number;
}

interface Candidate {
  id: string;
  label: string;
  active: boolean;
  counterparty: string;
  subjectName: string;
}

/** Every contract of the village as a row may name it: rent owed on one that ended or was renewed is still paid against it. */
async function candidatesOf(ports: Ports, villageId: string): Promise<Candidate[]> {
  const today = chinaDay(ports.clock.now());
  const contracts = await findAll(ports.store.collection<ContractDoc>(C.contracts), { villageId });
  const names = await subjectNames(ports, villageId);
  return contracts.map((c) => {
    const subjectName = names.get(c.subject.id) ?? '';
    return {
      active: statusOn(c.status, c.endOn, today) === 'active',
      id: c._id,
      label: `${subjectName} · ${c.counterparty.name} · ${CONTRACT_KIND_LABEL[c.kind]} ${c.startOn.slice(0, 4)}–${c.endOn.slice(0, 4)}`,
      counterparty: c.counterparty.name,
      subjectName,
    };
  });
}

type Scored = Candidate & { score: number };

/** Best first: the score, then a running contract before an ended one, then by name. */
function ranked(candidates: Candidate[], row: { counterparty?: string; summary?: string }): Scored[] {
  return candidates
    .map((c) => ({ ...c, score: rentMatchScore(c, row) }))
    .sort((a, b) => b.score - a.score || Number(b.active) - Number(a.active) || a.label.localeCompare(b.label, 'zh-CN'));
}

/** The contracts named on a row's label: subject, counterparty and kind. */
export async function rentTargetsOf(ports: Ports, villageId: string, row: { counterparty?: string; summary?: string }): Promise<RentTarget[]> {
  return ranked(await candidatesOf(ports, villageId), row).map(({ id, label, score }) => ({ id, label, score }));
}

/**
 * A suggestion is made only at 3 or more: the 对方 written exactly as the contract's party, or a
 * partial 对方 with the land's or building's name in the 摘要. The name in the 摘要 alone (2, or 2.5
 * with 承包费) is not enough: a village lets the same land to one party after another, and the 会计
 * ticks what is suggested rather than picks, so a doubtful guess must not be offered.
 */
export const CONFIDENT_RENT_SCORE = 3;

/**
 * For the income rows of an imported file: the one contract each row most likely pays, where the
 * match is confident and no other contract matches as well (two leases to the same party are left
 * to the 会计). The village's contracts are read once for the whole file.
 */
export async function suggestRent<R extends { counterparty: string; summary: string }>(
  ports: Ports,
  villageId: string,
  rows: R[],
): Promise<{ row: R; contractId: string; label: string }[]> {
  if (!rows.length) return [];
  const candidates = await candidatesOf(ports, villageId);
  if (!candidates.length) return [];
  return rows.flatMap((row) => {
    const [best, next] = ranked(candidates, row);
    if (best.score < CONFIDENT_RENT_SCORE) return [];
    if (next && next.score === best.score && next.active === best.active) return [];
    return [{ row, contractId: best.id, label: best.label }];
  });
}

export async function rentTargets(ports: Ports, input: { villageId: string; counterparty?: string; summary?: string }): Promise<RentTarget[]> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.rentTargets);
  return rentTargetsOf(ports, input.villageId, input);
}

/** Every asset's and piece of land's name, by id. */
export async function subjectNames(ports: Ports, villageId: string): Promise<Map<string, string>> {
  const [assets, resources] = await Promise.all([
    findAll(ports.store.collection<AssetDoc>(C.assets), { villageId }),
    findAll(ports.store.collection<ResourceDoc>(C.resources), { villageId }),
  ]);
  return new Map([...assets, ...resources].map((d) => [d._id, d.name]));
}
