import type { RosterApprovalItem, RosterApprovalView, RosterList, RosterPersonRef } from '../../../types/roster';
import type { ApprovalDoc, PersonDoc } from './model';
import { approvalStateOf, rosterFlags } from './rules';

export function personRef(p: PersonDoc, callerId: string | null): RosterPersonRef {
  return { name: p.name, idMasked: p.idMasked, householdNo: p.householdNo, assignedRoles: p.assignedRoles ?? [], isCaller: p._id === callerId };
}

export function approvalView(doc: ApprovalDoc, now: Date, digest?: string): RosterApprovalView {
  return { id: doc._id, state: approvalStateOf(doc, now, digest), note: doc.note, decidedBy: doc.decidedBy, expiresAt: doc.expiresAt };
}

/** A request as the township admin reads it in 花名册导入确认. */
export function approvalItem(doc: ApprovalDoc, now: Date): RosterApprovalItem {
  return {
    id: doc._id,
    villageId: doc.villageId,
    villageName: doc.villageName,
    fileName: doc.fileName,
    mode: doc.mode,
    reasons: doc.reasons,
    requestReason: doc.requestReason,
    requestedBy: doc.requestedBy,
    requestedAt: doc.requestedAt,
    rosterSize: doc.rosterSize,
    fileRows: doc.fileRows,
    added: doc.added,
    removing: doc.removing,
    losingVote: doc.losingVote,
    state: approvalStateOf(doc, now),
    note: doc.note,
    decidedBy: doc.decidedBy,
    expiresAt: doc.expiresAt,
  };
}

/** A person on the roster list: masked ID number only. */
export function rosterRow(r: PersonDoc): RosterList['people'][number] {
  return {
    id: r._id,
    name: r.name,
    gender: r.gender,
    idMasked: r.idMasked,
    householdNo: r.householdNo,
    relation: r.relation,
    group: r.group,
    flags: rosterFlags(r),
    verified: Boolean(r.boundOpenid),
    assignedRoles: r.assignedRoles ?? [],
  };
}
