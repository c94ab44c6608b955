import type { PrintFile } from '../../../types/print';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { authorize, callerInTownship, callerInVillage } from '../caller/api';
import { countPrint } from '../limits/api';
import { posterPdf as drawPosters, type PosterPrint, storePdf } from '../print/api';
import { fail } from '../shared/errors';
import { inParallel } from '../shared/parallel';
import { currentCodePng, POSTER_ACTIONS } from './codes';
import { headStamp } from '../audit/api';
import type { TownshipDoc, VillageDoc } from './model';
import { hotlineText } from '../shared/personal-numbers';
import { printPolicy } from './policy';

/** Villages whose posters one call draws at once: each reads two pictures from storage. */
const AT_ONCE = 6;

async function posterPrintOf(ports: Ports, village: VillageDoc, township: TownshipDoc | null): Promise<PosterPrint> {
  const [code, head] = await Promise.all([currentCodePng(ports, village._id), headStamp(ports, village._id)]);
  return {
    villageName: village.name,
    townshipName: township?.name ?? '',
    county: township?.county ?? '',
    supervisor: village.supervisor ? { name: village.supervisor.name, hotline: hotlineText(village.supervisor.phone) } : null,
    code: code?.code ?? null,
    codePng: code?.png ?? null,
    actions: POSTER_ACTIONS,
    head,
  };
}

/** The village's poster as a PDF, for the phone to open, print or send to a computer. */
export async function posterPdf(ports: Ports, input: { villageId: string }): Promise<PrintFile> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, printPolicy.posterPdf);
  await countPrint(ports);
  const township = await ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId);
  const title = `${ctx.village.name}一村一码海报`;
  const bytes = await drawPosters([await posterPrintOf(ports, ctx.village, township)], title, ports.clock.now());
  return storePdf(ports, ctx.village._id, title, bytes);
}

/** Every enabled village's poster in one PDF, a page each, in the order of their names' pinyin. */
export async function postersPdf(ports: Ports, input: { townshipId: string }): Promise<PrintFile> {
  const ctx = await callerInTownship(ports, input.townshipId);
  authorize(ctx, printPolicy.postersPdf);
  await countPrint(ports);
  const villages = (await ports.store.collection<VillageDoc>(C.villages).find({ where: { townshipId: input.townshipId }, limit: 500 }))
    .filter((v) => v.enabled)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  if (villages.length === 0) throw fail.precondition('镇里还没有在用的村，没有海报可以打印。');
  const prints = await inParallel(villages, (v) => posterPrintOf(ports, v, ctx.township), AT_ONCE);
  const title = `${ctx.township.name}各村一村一码海报`;
  const bytes = await drawPosters(prints, title, ports.clock.now());
  return storePdf(ports, `townships/${ctx.township._id}`, title, bytes);
}
