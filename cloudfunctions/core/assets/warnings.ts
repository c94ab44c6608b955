import type { WarningAnswerKind, WarningView } from '../../../types/assets';
import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { appendAudit } from '../audit/api';
import { actorOf, authorize, callerInVillage, townshipStaffOpenids } from '../caller/api';
import { C } from '../collections';
import { holdersOf, putInbox } from '../messages/api';
import { fail } from '../shared/errors';
import { findAll } from '../shared/paging';
import { SUPERVISORS } from '../shared/policy';
import { SYSTEM_ACTOR, type VillageDoc } from '../shared/records';
import { chinaDay } from '../shared/time';
import type { AssetDoc, ContractDoc, ResourceDoc, WarningDoc } from './model';
import { assetsPolicy } from './policy';
import { loadRegisters } from './reads';
import { assetWarnings, contractWarnings, type ContractFacts, type WarningCandidate } from './rules';
import { settingsFor } from './settings';
import { installmentsFor, warningView } from './views';

// Warnings are raised by the rules (rules.ts) whenever the registers change and once a day by the
// timer, told to the 监委会 and the township, answered by the village and closed by the 监委会.

/** Which day each village's registers were last looked over: the timer looks once a day. */
interface ScanDoc {
  _id: string;
  day: string;
  [k: string]: unknown;
}

/** Pages the warnings open, for the 监委会 and for the township. */
export const villageWarningsPage = (villageId: string) => `/packages/supervise/assets/index?villageId=${villageId}`;
const TOWNSHIP_PAGE = '/packages/township/assets/index';

function factsOf(c: ContractDoc, subject: AssetDoc | ResourceDoc | undefined): ContractFacts {
  return {
    id: c._id,
    subjectName: subject?.name ?? '',
    counterparty: c.counterparty.name,
    kind: c.kind,
    status: c.status,
    startOn: c.startOn,
    endOn: c.endOn,
    priceFenPerYear: c.priceFenPerYear,
    land: c.subject.type === 'resource' && subject ? { kind: (subject as ResourceDoc).landKind, areaMu100: (subject as ResourceDoc).areaMu100 } : null,
    hasDecision: !!c.decision,
    installments: installmentsFor(c),
    receivedFen: c.receivedFen,
  };
}

const idOf = (villageId: string, w: WarningCandidate) => `${villageId}:${w.kind}:${w.subject.id}:${w.occasion}`;

/**
 * The warning's id given those already raised. A warning closed while it was only a caution
 * (yellow: 将于…到期) does not silence the same occasion turning red (已到期，还没有续签): closing
 * on a promise to renew must not hide that the promise was not kept.
 */
function keyOf(villageId: string, w: WarningCandidate, known: ReadonlyMap<string, WarningDoc>): string {
  const id = idOf(villageId, w);
  const prior = known.get(id);
  return prior?.state === 'closed' && prior.level === 'yellow' && w.level === 'red' ? `${id}:red` : id;
}

/**
 * Raises what the rules find and has not been raised for the same occasion, and keeps the words of
 * open warnings current (days left, the amount owed). A closed warning stays closed.
 */
export async function scanVillage(ports: Ports, villageId: string): Promise<{ raised: number }> {
  const village = await ports.store.collection<VillageDoc>(C.villages).get(villageId);
  if (!village?.enabled) return { raised: 0 };
  const now = ports.clock.now();
  const today = chinaDay(now);
  const at = now.toISOString();
  const [settings, registers] = await Promise.all([settingsFor(ports, village.townshipId), loadRegisters(ports, villageId)]);
  const subjects = new Map<string, AssetDoc | ResourceDoc>([...registers.assets, ...registers.resources].map((d) => [d._id, d]));
  const found = [
    ...registers.contracts.flatMap((c) => contractWarnings(factsOf(c, subjects.get(c.subject.id)), settings, today)),
    ...registers.assets.flatMap((a) => assetWarnings({ id: a._id, name: a.name, state: a.state, stateSince: a.stateSince }, settings, today)),
  ];
  const known = new Map(registers.warnings.map((w) => [w._id, w]));
  const fresh = found.filter((w) => !known.has(keyOf(villageId, w, known)));
  const staff = fresh.length ? await townshipStaffOpenids(ports, village.townshipId) : [];
  let raised = 0;
  for (const w of fresh) {
    const doc: WarningDoc = {
      _id: keyOf(villageId, w, known),
      villageId,
      townshipId: village.townshipId,
      kind: w.kind,
      subject: w.subject,
      text: w.text,
      level: w.level,
      state: 'open',
      raisedAt: at,
      answers: [],
      closed: null,
    };
    const added = await ports.store.transaction(async (tx) => {
      // Two phones saving at once both scan: the second finds it raised.
      if (await tx.get(C.assetWarnings, doc._id)) return false;
      await tx.add(C.assetWarnings, doc);
      await appendAudit(tx, villageId, { actor: SYSTEM_ACTOR, action: 'assets.warn', target: `warning:${doc._id}`, change: doc, at });
      const supervisors = (await holdersOf(tx, villageId, SUPERVISORS)).map((p) => p.boundOpenid);
      const text = `${village.name}三资预警：${w.text}`;
      await putInbox(tx, supervisors, { villageId, text, at, link: villageWarningsPage(villageId) });
      await putInbox(tx, staff, { villageId, text, at, link: TOWNSHIP_PAGE });
      return true;
    });
    if (added) raised += 1;
  }
  for (const w of found) {
    const doc = known.get(keyOf(villageId, w, known));
    if (doc && doc.state !== 'closed' && (doc.text !== w.text || doc.level !== w.level)) {
      await ports.store.collection<WarningDoc>(C.assetWarnings).update(doc._id, { text: w.text, level: w.level });
    }
  }
  await ports.store.collection<ScanDoc>(C.assetScans).set(villageId, { day: today });
  return { raised };
}

/** Villages the timer looks over in one run; the rest wait for the next hour. */
const SCANS_PER_TICK = 40;

/** The hourly timer: each village once a day, a few at a time, so a run stays within its budget. */
export async function scanDue(ports: Ports): Promise<{ scanned: number; raised: number }> {
  const today = chinaDay(ports.clock.now());
  const villages = await findAll(ports.store.collection<VillageDoc>(C.villages), { enabled: true });
  const scans = ports.store.collection<ScanDoc>(C.assetScans);
  const due: string[] = [];
  for (const v of villages) {
    if (due.length >= SCANS_PER_TICK) break;
    if ((await scans.get(v._id))?.day !== today) due.push(v._id);
  }
  let raised = 0;
  for (const id of due) raised += (await scanVillage(ports, id)).raised;
  return { scanned: due.length, raised };
}

/** The warning, in the transaction, if it is this village's: another village's id reads as none. */
async function warningIn(tx: Transaction, villageId: string, warningId: string): Promise<WarningDoc> {
  const w = await tx.get<WarningDoc>(C.assetWarnings, warningId);
  if (!w || w.villageId !== villageId) throw fail.notFound('没有找到这条预警。');
  return w;
}

/** The 两委 (or the 监委会) say what was done: 续签, 招标, 催收, or an explanation. */
export async function answerWarning(
  ports: Ports,
  input: { villageId: string; warningId: string; kind: WarningAnswerKind; text: string },
): Promise<WarningView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.answerWarning);
  const at = ports.clock.now().toISOString();
  const by = ctx.person?.name ?? '';
  const out = await ports.store.transaction(async (tx): Promise<WarningDoc> => {
    const w = await warningIn(tx, input.villageId, input.warningId);
    if (w.state === 'closed') throw fail.precondition('这条预警已经销号。');
    const answer = { kind: input.kind, text: input.text, at, by };
    const next = { state: 'answered' as const, answers: [...w.answers, answer] };
    await tx.update(C.assetWarnings, w._id, next);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'assets.answerWarning', target: `warning:${w._id}`, change: answer, at });
    return { ...w, ...next };
  });
  return warningView(out, ctx.village.name);
}

/** The 监委会 closes a warning once it has been answered (销号), saying what settled it. */
export async function closeWarning(ports: Ports, input: { villageId: string; warningId: string; text: string }): Promise<WarningView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, assetsPolicy.closeWarning);
  const at = ports.clock.now().toISOString();
  const by = ctx.person?.name ?? '';
  const out = await ports.store.transaction(async (tx): Promise<WarningDoc> => {
    const w = await warningIn(tx, input.villageId, input.warningId);
    if (w.state === 'closed') throw fail.precondition('这条预警已经销号。');
    if (w.answers.length === 0) throw fail.precondition('这条预警还没有人答复，答复了才能销号。');
    const closed = { text: input.text, at, by };
    await tx.update(C.assetWarnings, w._id, { state: 'closed', closed });
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'assets.closeWarning', target: `warning:${w._id}`, change: closed, at });
    return { ...w, state: 'closed', closed };
  });
  return warningView(out, ctx.village.name);
}
