import { randomInt } from 'node:crypto';
import type { CodeView, PosterView } from '../../../types/village';
import type { Ports } from '../../ports';
import { appendAudit } from '../audit/api';
import { C } from '../collections';
import { actorOf, authorize, callerInTownship, callerInVillage } from '../caller/api';
import { fail } from '../shared/errors';
import type { TownshipDoc, VillageCodeDoc, VillageDoc } from './model';
import { headLink } from '../audit/api';
import { hotlineText, maskPhone } from '../shared/personal-numbers';
import { codePolicy } from './policy';

// No 0/O, 1/I/L: a code may be read out over the phone.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** What villagers can do after scanning, printed on every poster. */
export const POSTER_ACTIONS = ['看本村每季度公开的党务、村务、财务', '看村里每月的收支和余额', '向村务监督委员会提问、反映问题、提建议（可以匿名）'];

interface CodeDoc extends VillageCodeDoc {
  /** The drawn picture, once drawn: codes do not change, so it is drawn once. */
  fileId?: string;
}

/** The stored picture of a code, drawn and stored the first time it is asked for. */
async function fileOf(ports: Ports, doc: CodeDoc): Promise<string> {
  let fileId = doc.fileId;
  if (!fileId) {
    const png = await ports.codeMaker.png(doc._id);
    fileId = await ports.files.put(`codes/${doc.villageId}/${doc._id}-${randomInt(1e9)}.png`, png, 'image/png');
    await ports.store.collection<CodeDoc>(C.villageCodes).update(doc._id, { fileId });
  }
  return fileId;
}

async function imageOf(ports: Ports, doc: CodeDoc): Promise<string> {
  const [url] = await ports.files.urls([await fileOf(ports, doc)]);
  return url;
}

function codeView(d: CodeDoc, imageUrl: string | null): CodeView {
  return {
    code: d._id,
    enabled: d.enabled,
    issuedAt: d.issuedAt,
    disabledAt: d.disabledAt ?? null,
    reason: (d.reason as string | undefined) ?? null,
    imageUrl,
  };
}

async function villageCodes(ports: Ports, villageId: string): Promise<CodeDoc[]> {
  return ports.store.collection<CodeDoc>(C.villageCodes).find({ where: { villageId }, limit: 100 });
}

export async function codes(ports: Ports, input: { villageId: string }): Promise<{ codes: CodeView[] }> {
  authorize(await callerInVillage(ports, input.villageId), codePolicy.codes);
  const list = await villageCodes(ports, input.villageId);
  list.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1));
  return { codes: await Promise.all(list.map(async (d) => codeView(d, d.enabled ? await imageOf(ports, d) : null))) };
}

/**
 * A lost or defaced poster: every code of the village stops working and a new one is issued.
 * Scanning an old poster then lands on the invalid-code page.
 */
export async function issueCode(ports: Ports, input: { villageId: string; reason: string }): Promise<CodeView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, codePolicy.issueCode);
  const at = ports.clock.now().toISOString();
  const suffix = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${input.villageId.slice(0, 24)}-${suffix}`;
  const current = await villageCodes(ports, input.villageId);
  const doc: CodeDoc = { _id: code, villageId: input.villageId, enabled: true, issuedAt: at };
  await ports.store.transaction(async (tx) => {
    for (const old of current.filter((c) => c.enabled)) {
      await tx.update(C.villageCodes, old._id, { enabled: false, disabledAt: at, reason: input.reason });
    }
    await tx.add(C.villageCodes, doc);
    await appendAudit(tx, input.villageId, {
      actor: actorOf(ctx),
      action: 'village.issueCode',
      target: `code:${code}`,
      change: { code, reason: input.reason },
      at,
    });
  });
  return codeView(doc, await imageOf(ports, doc));
}

export async function disableCode(ports: Ports, input: { villageId: string; code: string; reason: string }): Promise<CodeView> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, codePolicy.disableCode);
  const at = ports.clock.now().toISOString();
  const out = await ports.store.transaction(async (tx) => {
    const doc = await tx.get<CodeDoc>(C.villageCodes, input.code);
    if (!doc || doc.villageId !== input.villageId) throw fail.notFound('没有这个二维码。');
    if (!doc.enabled) throw fail.precondition('这个二维码已经停用了。');
    const patch = { enabled: false, disabledAt: at, reason: input.reason };
    await tx.update(C.villageCodes, doc._id, patch);
    await appendAudit(tx, input.villageId, { actor: actorOf(ctx), action: 'village.disableCode', target: `code:${doc._id}`, change: patch, at });
    return { ...doc, ...patch };
  });
  return codeView(out, null);
}

/** The code on the village's poster now: the newest enabled one. */
async function currentCode(ports: Ports, villageId: string): Promise<CodeDoc | undefined> {
  return (await villageCodes(ports, villageId)).filter((c) => c.enabled).sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0];
}

/**
 * The current code and its picture's bytes, for a PDF: the stored picture (drawn once, as for
 * the H5 poster), drawn again only if storage lost it. Null when the village has no code in use.
 */
export async function currentCodePng(ports: Ports, villageId: string): Promise<{ code: string; png: Uint8Array } | null> {
  const current = await currentCode(ports, villageId);
  if (!current) return null;
  const png = (await ports.files.read(await fileOf(ports, current))) ?? (await ports.codeMaker.png(current._id));
  return { code: current._id, png };
}

async function posterOf(ports: Ports, village: VillageDoc, township: TownshipDoc | null): Promise<PosterView> {
  const current = await currentCode(ports, village._id);
  return {
    villageId: village._id,
    villageName: village.name,
    townshipName: township?.name ?? '',
    county: township?.county ?? '',
    supervisor: village.supervisor ? { name: village.supervisor.name, phoneMasked: maskPhone(village.supervisor.phone) } : null,
    hotline: hotlineText(village.supervisor?.phone),
    code: current?._id ?? null,
    imageUrl: current ? await imageOf(ports, current) : null,
    actions: POSTER_ACTIONS,
    head: await headLink(ports, { villageId: village._id }),
  };
}

/** The A4 poster for the 公开栏: who the village is, who supervises it and how to reach them, the code. */
export async function poster(ports: Ports, input: { villageId: string }): Promise<PosterView> {
  const ctx = await callerInVillage(ports, input.villageId);
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId);
  return posterOf(ports, ctx.village, township);
}

/** Every village's poster, for the township to print in one go. */
export async function posters(ports: Ports, input: { townshipId: string }): Promise<{ posters: PosterView[] }> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, codePolicy.posters);
  const villages = await ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId }, limit: 500 });
  return { posters: await Promise.all(villages.filter((v) => v.enabled).map((v) => posterOf(ports, v, ctx.township))) };
}
