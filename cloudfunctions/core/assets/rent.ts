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
  const c = await ports.store.collection<ContractDoc>(C.contracts).get(contractId);
  if (!c || c.villageId !== villageId) throw fail.invalid('没有找到这份合同。');
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

/** The contracts named on a row's label: subject, counterparty and kind. */
export async function rentTargetsOf(ports: Ports, villageId: string, row: { counterparty?: string; summary?: string }): Promise<RentTarget[]> {
  const today = chinaDay(ports.clock.now());
  // Every contract: rent owed on one that ended or was renewed is still paid against it.
  const contracts = await findAll(ports.store.collection<ContractDoc>(C.contracts), { villageId });
  const names = await subjectNames(ports, villageId);
  return contracts
    .map((c) => {
      const subjectName = names.get(c.subject.id) ?? '';
      return {
        active: statusOn(c.status, c.endOn, today) === 'active',
        id: c._id,
        label: `${subjectName} · ${c.counterparty.name} · ${CONTRACT_KIND_LABEL[c.kind]} ${c.startOn.slice(0, 4)}–${c.endOn.slice(0, 4)}`,
        score: rentMatchScore({ counterparty: c.counterparty.name, subjectName }, row),
      };
    })
    .sort((a, b) => b.score - a.score || Number(b.active) - Number(a.active) || a.label.localeCompare(b.label, 'zh-CN'))
    .map(({ id, label, score }) => ({ id, label, score }));
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
