import { randomBytes } from 'node:crypto';
import type { Award, ContractInput, ContractView, Decision, PaySchedule } from '../../../types/assets';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { actorOf, authorize, type CallerInVillage, callerInVillage } from '../caller/api';
import { C } from '../collections';
import { fail } from '../shared/errors';
import type { PersonDoc } from '../shared/records';
import { addDays, chinaDay, isCalendarDay } from '../shared/time';
import type { AssetDoc, ContractDoc, ResourceDoc } from './model';
import { assetsPolicy } from './policy';
import { statusOn } from './rules';
import { contractViewOf } from './reads';
import { scanVillage } from './warnings';

// A contract lets an asset or a piece of land: who won it and how, what approved it, and its end.

function checkTerm(startOn: string, endOn: string): void {
  if (!isCalendarDay(startOn) || !isCalendarDay(endOn)) throw fail.invalid('日期不对，请写成 2026-10-08。');
  if (endOn < startOn) throw fail.invalid('合同的结束日期早于开始日期。');
}

/**
 * A 公开竞价 is recorded with every bid: the contract goes to the highest bidder at their bid, so a
 * price written lower than the top bid, or a winner who did not bid highest, is refused.
 */
function checkAward(award: Award, counterparty: string, priceFenPerYear: number): void {
  if (award.method !== 'auction') return;
  const top = Math.max(...award.bids.map((b) => b.fen));
  const winners = award.bids.filter((b) => b.fen === top).map((b) => b.bidder.trim());
  if (priceFenPerYear !== top) throw fail.invalid('公开竞价的成交价应是最高出价。');
  if (!winners.includes(counterparty.trim())) throw fail.invalid('公开竞价应由出价最高的竞买人承包。');
}

/** The stages a 一事一议 matter reaches only once its 决议 vote passed (types/matters STAGES). */
const PASSED_STAGES = new Set(['决议公开', '实施结果公开']);

/**
 * A matter named as the decision must be this village's and passed: a proposal still under way,
 * or one voted down, approves nothing, and naming it would silence the 无决议 warning. Its title
 * is kept with the contract.
 */
async function decisionOf(ports: Ports, villageId: string, d: Decision | null): Promise<Decision | null> {
  if (!d || d.kind === 'meeting') return d;
  const matter = await ports.store.collection<{ _id: string; villageId: string; title: string; stage: string; status: string }>(C.matters).get(d.matterId);
  if (!matter || matter.villageId !== villageId) throw fail.invalid('没有找到这个一事一议事项。');
  if (!PASSED_STAGES.has(matter.stage) || matter.status === 'stopped') {
    throw fail.invalid('这个一事一议事项还没有表决通过，不能作为合同的决议。');
  }
  return { kind: 'matter', matterId: matter._id, title: matter.title };
}

async function checkCounterparty(ports: Ports, villageId: string, personId: string | null): Promise<void> {
  if (!personId) return;
  const p = await ports.store.collection<PersonDoc>(C.people).get(personId);
  if (!p || p.villageId !== villageId || !p.inRoster) throw fail.invalid('承包方不在本村花名册上，请按外村或单位填写。');
}

type Subject = { type: 'asset'; doc: AssetDoc } | { type: 'resource'; doc: ResourceDoc };

async function subjectIn(tx: Transaction, villageId: string, s: { type: 'asset' | 'resource'; id: string }): Promise<Subject> {
  if (s.type === 'asset') {
    const doc = await tx.get<AssetDoc>(C.assets, s.id);
    if (!doc || doc.villageId !== villageId) throw fail.notFound('没有找到这项资产。');
    if (doc.state === 'scrapped') throw fail.precondition('已报废的资产不能出租。');
    return { type: 'asset', doc };
  }
  const doc = await tx.get<ResourceDoc>(C.resources, s.id);
  if (!doc || doc.villageId !== villageId) throw fail.notFound('没有找到这块资源。');
  return { type: 'resource', doc };
}

/** Points the asset or land at its contract (or frees it), its state following. */
async function bindSubject(tx: Transaction, subject: Subject, contractId: string | null, today: string): Promise<void> {
  if (subject.type === 'asset') {
    const state = contractId ? 'leased' : 'idle';
    const stateSince = state === subject.doc.state ? subject.doc.stateSince : today;
    await tx.update(C.assets, subject.doc._id, { contractId, state, stateSince });
  } else {
    await tx.update(C.resources, subject.doc._id, { contractId, state: contractId ? 'contracted' : 'uncontracted' });
  }
}

async function audit(
  tx: Transaction,
  ctx: CallerInVillage,
  action: 'assets.addContract' | 'assets.renewContract' | 'assets.terminateContract',
  id: string,
  change: unknown,
  at: string,
) {
  await appendAudit(tx, ctx.village._id, { actor: actorOf(ctx), action, target: `contract:${id}`, change, at });
}

export async function addContract(ports: Ports, input: ContractInput): Promise<ContractView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.addContract);
  checkTerm(input.startOn, input.endOn);
  checkAward(input.award, input.counterparty.name, input.priceFenPerYear);
  await checkCounterparty(ports, input.villageId, input.counterparty.personId);
  const decision = await decisionOf(ports, input.villageId, input.decision);
  const now = ports.clock.now();
  const today = chinaDay(now);
  const at = now.toISOString();
  const doc: ContractDoc = {
    _id: randomBytes(10).toString('hex'),
    villageId: input.villageId,
    townshipId: ctx.village.townshipId,
    subject: input.subject,
    kind: input.kind,
    counterparty: input.counterparty,
    startOn: input.startOn,
    endOn: input.endOn,
    priceFenPerYear: input.priceFenPerYear,
    schedule: input.schedule,
    depositFen: input.depositFen,
    award: input.award,
    decision,
    note: input.note ?? '',
    status: 'active',
    renews: null,
    renewedBy: null,
    terminated: null,
    receivedFen: 0,
    createdAt: at,
  };
  await ports.store.transaction(async (tx) => {
    const subject = await subjectIn(tx, input.villageId, input.subject);
    if (subject.doc.contractId) {
      const current = await tx.get<ContractDoc>(C.contracts, subject.doc.contractId);
      if (current && statusOn(current.status, current.endOn, today) === 'active') {
        throw fail.precondition('这项资产或资源已有一份履行中的合同：到期前请用“续签”，或先解除原合同。');
      }
    }
    await tx.add(C.contracts, doc);
    await bindSubject(tx, subject, doc._id, today);
    await audit(tx, ctx, 'assets.addContract', doc._id, doc, at);
  });
  await scanVillage(ports, input.villageId);
  return contractViewOf(ports, doc);
}

/** The same party keeps the asset or land for a new term, at a price awarded again and approved again. */
export async function renewContract(
  ports: Ports,
  input: { villageId: string; contractId: string; endOn: string; priceFenPerYear: number; schedule: PaySchedule; award: Award; decision: Decision | null },
): Promise<ContractView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.renewContract);
  const decision = await decisionOf(ports, input.villageId, input.decision);
  const now = ports.clock.now();
  const today = chinaDay(now);
  const at = now.toISOString();
  const out = await ports.store.transaction(async (tx): Promise<ContractDoc> => {
    const old = await tx.get<ContractDoc>(C.contracts, input.contractId);
    if (!old || old.villageId !== input.villageId) throw fail.notFound('没有找到这份合同。');
    if (old.status !== 'active') throw fail.precondition('这份合同已续签或已解除，不能再续签。');
    const startOn = addDays(old.endOn, 1);
    checkTerm(startOn, input.endOn);
    checkAward(input.award, old.counterparty.name, input.priceFenPerYear);
    const subject = await subjectIn(tx, input.villageId, old.subject);
    // A lapsed contract still reads `active` in store: if the land went to someone else meanwhile,
    // renewing the old one would make two live contracts on it.
    if (subject.doc.contractId && subject.doc.contractId !== old._id) {
      const current = await tx.get<ContractDoc>(C.contracts, subject.doc.contractId);
      if (current && statusOn(current.status, current.endOn, today) === 'active') {
        throw fail.precondition('这项资产或资源已另签了合同，原合同不能再续签。');
      }
    }
    const doc: ContractDoc = {
      ...old,
      _id: randomBytes(10).toString('hex'),
      startOn,
      endOn: input.endOn,
      priceFenPerYear: input.priceFenPerYear,
      schedule: input.schedule,
      award: input.award,
      decision,
      status: 'active',
      renews: old._id,
      renewedBy: null,
      terminated: null,
      receivedFen: 0,
      createdAt: at,
    };
    await tx.add(C.contracts, doc);
    await tx.update(C.contracts, old._id, { status: 'renewed', renewedBy: doc._id });
    await bindSubject(tx, subject, doc._id, today);
    await audit(tx, ctx, 'assets.renewContract', doc._id, { renews: old._id, contract: doc }, at);
    return doc;
  });
  await scanVillage(ports, input.villageId);
  return contractViewOf(ports, out);
}

/** Ended early: rent stops falling due after `on`, and the asset or land is free again. */
export async function terminateContract(ports: Ports, input: { villageId: string; contractId: string; on: string; reason: string }): Promise<ContractView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.terminateContract);
  if (!isCalendarDay(input.on)) throw fail.invalid('日期不对，请写成 2026-10-08。');
  const now = ports.clock.now();
  const today = chinaDay(now);
  const at = now.toISOString();
  const out = await ports.store.transaction(async (tx): Promise<ContractDoc> => {
    const c = await tx.get<ContractDoc>(C.contracts, input.contractId);
    if (!c || c.villageId !== input.villageId) throw fail.notFound('没有找到这份合同。');
    if (c.status !== 'active') throw fail.precondition('这份合同已续签或已解除。');
    if (input.on < c.startOn || input.on > c.endOn) throw fail.invalid('解除日期应在合同期内。');
    const terminated = { on: input.on, reason: input.reason };
    await tx.update(C.contracts, c._id, { status: 'terminated', terminated });
    const subject = await subjectIn(tx, input.villageId, c.subject).catch(() => null);
    if (subject && subject.doc.contractId === c._id) await bindSubject(tx, subject, null, today);
    await audit(tx, ctx, 'assets.terminateContract', c._id, terminated, at);
    return { ...c, status: 'terminated', terminated };
  });
  await scanVillage(ports, input.villageId);
  return contractViewOf(ports, out);
}
