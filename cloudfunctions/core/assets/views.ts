import type { AssetView, ContractView, RentReceipt, ResourceView, WarningView } from '../../../types/assets';
import type { Ports } from '../../ports';
import { attachmentViews } from '../attachments/api';
import type { AssetDoc, ContractDoc, ReceiptDoc, ResourceDoc, WarningDoc } from './model';
import { allocate, installmentsOf, owingOf, pricePerMu, statusOn, termText } from './rules';

// What the pages show of each record.

export async function assetView(ports: Ports, d: AssetDoc): Promise<AssetView> {
  return { ...assetFieldsView(d), photos: await attachmentViews(ports, d.photos) };
}

export function assetFieldsView(d: AssetDoc): Omit<AssetView, 'photos'> {
  return {
    id: d._id,
    villageId: d.villageId,
    name: d.name,
    use: d.use,
    kind: d.kind,
    location: d.location,
    acquiredOn: d.acquiredOn,
    originalFen: d.originalFen,
    state: d.state,
    stateSince: d.stateSince,
    keeper: d.keeper,
    note: d.note,
    contractId: d.contractId,
  };
}

export function resourceView(d: ResourceDoc): ResourceView {
  return {
    id: d._id,
    villageId: d.villageId,
    name: d.name,
    landKind: d.landKind,
    areaMu100: d.areaMu100,
    location: d.location,
    state: d.state,
    note: d.note,
    contractId: d.contractId,
  };
}

/** Rent stops falling due after an early end. */
export function effectiveEnd(c: ContractDoc): string {
  return c.terminated && c.terminated.on < c.endOn ? c.terminated.on : c.endOn;
}

export function installmentsFor(c: ContractDoc) {
  return allocate(installmentsOf({ ...c, endOn: effectiveEnd(c) }), c.receivedFen);
}

export function contractView(
  c: ContractDoc,
  subject: AssetDoc | ResourceDoc | null,
  receipts: ReceiptDoc[],
  today: string,
  rentCounted: ContractView['rentCounted'] = 'entered',
): ContractView {
  const land = c.subject.type === 'resource' && subject ? (subject as ResourceDoc) : null;
  const installments = installmentsFor(c);
  const owing = owingOf(installments, c.receivedFen, today);
  const rows: RentReceipt[] = receipts
    .map((r) => ({ rowId: r._id, date: r.date, amountFen: r.amountFen, summary: r.summary }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.rowId.localeCompare(b.rowId));
  return {
    id: c._id,
    villageId: c.villageId,
    subject: {
      type: c.subject.type,
      id: c.subject.id,
      name: subject?.name ?? '（已删除）',
      landKind: land?.landKind ?? null,
      areaMu100: land?.areaMu100 ?? null,
    },
    kind: c.kind,
    counterparty: c.counterparty,
    startOn: c.startOn,
    endOn: c.endOn,
    termText: termText(c.startOn, c.endOn),
    priceFenPerYear: c.priceFenPerYear,
    pricePerMuFen: land && land.areaMu100 > 0 ? pricePerMu(c.priceFenPerYear, land.areaMu100) : null,
    schedule: c.schedule,
    depositFen: c.depositFen,
    award: c.award,
    decision: c.decision,
    note: c.note,
    status: statusOn(c.status, c.endOn, today),
    renews: c.renews,
    renewedBy: c.renewedBy,
    terminated: c.terminated,
    installments,
    dueFen: owing.dueFen,
    receivedFen: c.receivedFen,
    arrearsFen: owing.arrearsFen,
    receipts: rows,
    rentCounted,
  };
}

export function warningView(w: WarningDoc, villageName: string): WarningView {
  return {
    id: w._id,
    villageId: w.villageId,
    villageName,
    kind: w.kind,
    subject: w.subject,
    text: w.text,
    level: w.state === 'closed' ? 'green' : w.level,
    state: w.state,
    raisedAt: w.raisedAt,
    answers: w.answers,
    closed: w.closed,
  };
}
