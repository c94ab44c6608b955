import type { AuditList, AuditVerifyOutput } from '../../../types/identity';
import type { Ports } from '../../ports';
import { AUDIT, type AuditRecord, verifyChain } from '../audit/api';
import { authorize, callerInVillage } from '../caller/api';
import { identityPolicy } from './policy';

// Reading the village's audit trail: identity's actions because who may read it is an identity rule.

const AUDIT_PAGE = 30;

/** The village's audit trail, newest first, for the 监委会 and the township. */
export async function auditList(ports: Ports, input: { villageId: string; page?: number }): Promise<AuditList> {
  authorize(await callerInVillage(ports, input.villageId), identityPolicy.auditList);
  const page = input.page ?? 1;
  const records = ports.store.collection<AuditRecord>(AUDIT);
  const [total, rows] = await Promise.all([
    records.count({ scope: input.villageId }),
    records.find({ where: { scope: input.villageId }, orderBy: [['seq', 'desc']], skip: (page - 1) * AUDIT_PAGE, limit: AUDIT_PAGE }),
  ]);
  return {
    total,
    page,
    entries: rows.map((r) => ({ seq: r.seq, at: r.at, action: r.action, target: r.target, actorRoles: r.actor.roles, hash: r.hash })),
  };
}

export async function auditVerify(ports: Ports, input: { villageId: string }): Promise<AuditVerifyOutput> {
  authorize(await callerInVillage(ports, input.villageId), identityPolicy.auditVerify);
  const { ok, length, brokenAt } = await verifyChain(ports.store, input.villageId);
  return brokenAt ? { ok, length, brokenAt } : { ok, length };
}
