import type { PrintFile } from '../../../types/print';
import type { Ports } from '../../ports';
import { C } from '../collections';
import { authorize, callerInVillage } from '../caller/api';
import { countPrint } from '../limits/api';
import { type BoardEntryPrint, boardPdf as drawBoard, storePdf } from '../print/api';
import { inParallel } from '../shared/parallel';
import { headStamp } from '../audit/api';
import { hotlineText } from '../shared/personal-numbers';
import type { TownshipDoc } from '../shared/records';
import { PLAIN_ITEM_ID } from './plain-item';
import { loadPublished } from './published';
import { quarterView } from './quarters';
import { boardPrintPolicy } from './policy';

/** Items read at once: a quarter has a few dozen. */
const AT_ONCE = 6;

/**
 * The notice-board version of a quarter as a PDF: what the H5 print page shows — every item of
 * the quarter, published ones with their latest version — and the village's 校验 head at the foot.
 */
export async function boardPdf(ports: Ports, input: { villageId: string; quarter: string }): Promise<PrintFile> {
  const ctx = await callerInVillage(ports, input.villageId);
  authorize(ctx, boardPrintPolicy.boardPdf);
  await countPrint(ports);
  const [view, township, head] = await Promise.all([
    quarterView(ports, input),
    ports.store.collection<TownshipDoc>(C.townships).get(ctx.village.townshipId),
    headStamp(ports, input.villageId),
  ]);
  const entries: BoardEntryPrint[] = await inParallel(
    view.entries,
    async (e) => {
      const v = e.version > 0 ? (await loadPublished(ports, { ...input, itemId: e.itemId })).wanted : null;
      return {
        title: e.title,
        category: e.category,
        required: e.required,
        late: e.status === 'late',
        published: v && {
          title: v.title,
          version: v.version,
          approvedAt: v.approvedAt,
          reason: v.reason,
          amountFen: v.amountFen ?? null,
          body: v.body,
          attachments: (v.attachments ?? []).length,
        },
      };
    },
    AT_ONCE,
  );
  // The 明白账 is printed first, before the items by category: the one part everyone reads.
  const plainAt = view.entries.findIndex((e) => e.itemId === PLAIN_ITEM_ID);
  const plain = plainAt >= 0 ? entries.splice(plainAt, 1)[0] : null;
  const published = view.entries
    .map((e) => e.publishedAt)
    .filter((at): at is string => !!at)
    .sort();
  const v = ctx.village;
  const title = `${v.name}${view.label}村务公开`;
  const bytes = await drawBoard(
    {
      villageName: v.name,
      place: `${township?.county ?? ''}${township?.name ?? ''}${v.name}`,
      label: view.label,
      lastPublishedAt: published.pop() ?? null,
      completeness: view.completeness,
      entries,
      plain,
      supervisor: v.supervisor ? { name: v.supervisor.name, hotline: hotlineText(v.supervisor.phone) } : null,
      head,
    },
    ports.clock.now(),
  );
  return storePdf(ports, v._id, title, bytes);
}
