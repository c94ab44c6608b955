import type { HeadCheckView, HeadLinkView, HistoryAlarmInput, HistoryInput, HistoryOutput, SignedHead } from '../../../types/village';
import type { Ports } from '../../ports';
import { appendAudit, proveExtends, rootAt, treeHeadOf } from './chain';
import { HistoryRewritten, publicKeyOf, signedHeadOf, verifyHead } from './checkpoint';
import { C } from '../collections';
import { townshipStaffOpenids } from '../caller/api';
import { fail } from '../shared/errors';
import { chinaDay } from '../shared/time';
import { sha256 } from '../shared/digest';
import type { VillageDoc } from '../shared/records';
import { putInbox } from '../messages/api';

/** Alarms already raised, one per village and rewritten head: a second phone adds nothing. */
const ALARMS = C.auditAlarms;
/** Which village's head the township chain already holds for a day. */
const DAILY = C.auditDaily;
/** Heads printed on notice boards, by the token their code carries. */
const HEAD_LINKS = C.auditHeadLinks;

interface HeadLinkDoc {
  _id: string;
  villageId: string;
  size: number;
  root: string;
  fileId: string;
  [k: string]: unknown;
}

/** The code's token commits to the head: an altered link no longer matches the token scanned. */
export const headToken = (villageId: string, size: number, root: string) => sha256(`head\n${villageId}\n${size}\n${root}`).slice(0, 24);

async function enabledVillage(ports: Ports, villageId: string): Promise<VillageDoc> {
  const village = await ports.store.collection<VillageDoc>(C.villages).get(villageId);
  if (!village?.enabled) throw fail.notFound('没有找到这个村，可能已停用。请重新扫描村里的二维码。');
  return village;
}

/**
 * Tells the township, on its own audit chain and in the messages of its staff, that a village's
 * history no longer extends a head that was signed before. Once per village and head.
 */
async function raiseAlarm(ports: Ports, village: VillageDoc, held: { size: number; root: string }, by: 'phone' | 'service'): Promise<void> {
  const id = `${village._id}:${held.size}:${held.root.slice(0, 16)}`;
  if (await ports.store.collection(ALARMS).get(id)) return;
  const at = ports.clock.now().toISOString();
  const staff = await townshipStaffOpenids(ports, village.townshipId);
  const text = `${village.name}的历史记录与此前签名的记录（第 ${held.size} 条）对不上：有人改动过已有的记录。请镇纪委核查。`;
  await ports.store.transaction(async (tx) => {
    if (await tx.get(ALARMS, id)) return;
    await tx.set(ALARMS, id, { villageId: village._id, size: held.size, root: held.root, by, at });
    await appendAudit(tx, `township:${village.townshipId}`, {
      actor: { openid: null, personId: null, roles: [] },
      action: 'audit.historyAlarm',
      target: `alarm:${village._id}:${held.size}:${held.root}`,
      change: { villageId: village._id, held, by },
      at,
    });
    await putInbox(tx, staff, { villageId: village._id, text, link: `/packages/board/check/index?villageId=${village._id}`, at });
  });
}

/**
 * The village's signed head, or 'rewritten' when its log no longer gives the root signed last —
 * which is reported to the township before anyone is answered.
 */
async function headOrAlarm(ports: Ports, village: VillageDoc): Promise<SignedHead | null | 'rewritten'> {
  try {
    return await signedHeadOf(ports.store, ports.signingKey, village._id);
  } catch (e) {
    if (!(e instanceof HistoryRewritten)) throw e;
    await raiseAlarm(ports, village, e.signed, 'service');
    return 'rewritten';
  }
}

/**
 * The village's history as a phone checks it: the current head, signed, and — for a phone that
 * kept an earlier head — the proof that the log still extends it. Anyone may ask: it names
 * nothing but sizes and hashes.
 */
export async function history(ports: Ports, input: HistoryInput): Promise<HistoryOutput> {
  const village = await enabledVillage(ports, input.villageId);
  const head = await headOrAlarm(ports, village);
  if (head === 'rewritten') return { head: null, proof: null, rewritten: true };
  if (!head || input.from === undefined) return { head, proof: null, rewritten: false };
  if (input.from > head.size) return { head, proof: null, rewritten: false };
  const proof = input.from === head.size ? [] : await proveExtends(ports.store, village._id, input.from, head.size);
  return { head, proof, rewritten: false };
}

/**
 * A phone found that the village's log does not extend the head it kept. The claim is checked
 * before anything is recorded: the head must carry this service's signature, and the log must
 * really give another root at its size (or have fewer records). Then the township is told.
 */
export async function historyAlarm(ports: Ports, input: HistoryAlarmInput): Promise<{ reported: boolean }> {
  const village = await enabledVillage(ports, input.villageId);
  if (!ports.signingKey) throw fail.precondition('本地服务没有设置审计签名密钥，无法核对。');
  const held = input.held;
  if (held.scope !== village._id || held.publicKey !== publicKeyOf(ports.signingKey) || !verifyHead(held, held.publicKey)) {
    throw fail.invalid('这不是本系统为这个村签发的记录，无法据此报告。');
  }
  const now = await treeHeadOf(ports.store, village._id);
  const extends_ = now.size >= held.size && (await rootAt(ports.store, village._id, held.size)) === held.root;
  if (extends_) throw fail.precondition('核对过了：本村的记录与您手机上保存的一致，没有被改动。');
  await raiseAlarm(ports, village, held, 'phone');
  return { reported: true };
}

/**
 * Once a day (the hourly timer's first run of a Beijing day), every village's signed head goes
 * onto its township's own audit chain: a record outside the village's log that the village's
 * history can be checked against later. A village whose log no longer extends its last
 * checkpoint raises the alarm instead.
 */
export async function recordVillageHeads(ports: Ports): Promise<{ recorded: number }> {
  if (!ports.signingKey) return { recorded: 0 };
  const day = chinaDay(ports.clock.now());
  let recorded = 0;
  for (let skip = 0; ; skip += 1000) {
    const villages = await ports.store.collection<VillageDoc>(C.villages).find({ orderBy: [['_id', 'asc']], skip, limit: 1000 });
    for (const village of villages.filter((v) => v.enabled)) {
      const mark = `${village._id}:${day}`;
      if (await ports.store.collection(DAILY).get(mark)) continue;
      const head = await headOrAlarm(ports, village);
      if (head === null || head === 'rewritten') continue;
      const at = ports.clock.now().toISOString();
      await ports.store.transaction(async (tx) => {
        if (await tx.get(DAILY, mark)) return;
        await tx.set(DAILY, mark, { villageId: village._id, day, size: head.size, root: head.root });
        await appendAudit(tx, `township:${village.townshipId}`, {
          actor: { openid: null, personId: null, roles: [] },
          action: 'audit.villageHead',
          // In the target, so the record's own hash commits to it.
          target: `head:${village._id}:${head.size}:${head.root}`,
          change: head,
          at,
        });
        recorded += 1;
      });
    }
    if (villages.length < 1000) return { recorded };
  }
}

/**
 * The village's current head for the notice board (the A4 print and the poster): its size, the
 * first digits of its root, and a code that opens 校验 at that head. Drawn once per head.
 */
export async function headLink(ports: Ports, input: { villageId: string }): Promise<HeadLinkView | null> {
  const link = await headLinkOf(ports, await enabledVillage(ports, input.villageId));
  if (!link) return null;
  const [imageUrl] = await ports.files.urls([link.fileId]);
  return { token: link._id, size: link.size, root: link.root, rootShort: link.root.slice(0, 16), imageUrl };
}

/**
 * The head as a PDF prints it: what HeadStamp shows, with the code's picture as bytes (the stored
 * one; drawn again only if storage lost it). Null without a signed head, like headLink.
 */
export async function headStamp(ports: Ports, villageId: string): Promise<{ size: number; rootShort: string; png: Uint8Array } | null> {
  const link = await headLinkOf(ports, await enabledVillage(ports, villageId));
  if (!link) return null;
  const png = (await ports.files.read(link.fileId)) ?? (await ports.codeMaker.png(`H${link._id}`, 'check'));
  return { size: link.size, rootShort: link.root.slice(0, 16), png };
}

/** The link for the village's current signed head, its code drawn and stored the first time. */
async function headLinkOf(ports: Ports, village: VillageDoc): Promise<HeadLinkDoc | null> {
  const head = await headOrAlarm(ports, village);
  if (head === null || head === 'rewritten') return null;
  const token = headToken(village._id, head.size, head.root);
  const links = ports.store.collection<HeadLinkDoc>(HEAD_LINKS);
  let link = await links.get(token);
  if (!link) {
    const png = await ports.codeMaker.png(`H${token}`, 'check');
    const fileId = await ports.files.put(`heads/${village._id}/${token}.png`, png, 'image/png').catch(async (e: unknown) => {
      // Two prints at once drew the same head: the first one's file stands.
      const again = await links.get(token);
      if (again) return again.fileId;
      throw e;
    });
    link = { _id: token, villageId: village._id, size: head.size, root: head.root, fileId };
    await links.set(token, { villageId: link.villageId, size: link.size, root: link.root, fileId });
  }
  return { ...link, _id: token };
}

/**
 * 校验 at a printed head: the link behind the scanned token (which must still hash to it), and
 * whether the village's history still gives that root at that size. A head that no longer holds
 * is reported to the township like a phone's alarm.
 */
export async function checkHead(ports: Ports, input: { token: string }): Promise<HeadCheckView> {
  const link = await ports.store.collection<HeadLinkDoc>(HEAD_LINKS).get(input.token);
  if (!link) throw fail.notFound('没有找到公开栏上印的这条记录，请核对二维码是否完整。');
  const village = await enabledVillage(ports, link.villageId);
  const base = { villageId: village._id, villageName: village.name, size: link.size, root: link.root };
  const signed = await headOrAlarm(ports, village);
  const current = signed === 'rewritten' ? null : signed;
  const intact = headToken(link.villageId, link.size, link.root) === input.token;
  const size = (await treeHeadOf(ports.store, village._id)).size;
  const holds = intact && current !== null && size >= link.size && (await rootAt(ports.store, village._id, link.size)) === link.root;
  if (!holds) {
    await raiseAlarm(ports, village, { size: link.size, root: link.root }, 'service');
    return { ...base, holds: false, current, proof: null };
  }
  const proof = current && current.size > link.size ? await proveExtends(ports.store, village._id, link.size, current.size) : [];
  return { ...base, holds: true, current, proof };
}
