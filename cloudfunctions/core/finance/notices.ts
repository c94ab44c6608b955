import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { holdersOf, type Outgoing, tellIn } from '../messages/api';
import { chinaDay } from '../shared/time';
import type { VillageDoc } from '../shared/records';
import type { RowDoc } from './model';
import { periodLabel } from './rules';

const ANSWERERS = ['accountant'] as const;

/**
 * A 质询 waits on the 会计 and holds up the month's signature, so the 会计 hears of it at once.
 * The message names the month and the row, never who asked: the row and the reason are what
 * the answer needs, and a panel member's name is not the 会计's business before the meeting.
 */
export async function tellOfQuery(tx: Transaction, row: RowDoc, at: string, out: Outgoing): Promise<void> {
  const people = await holdersOf(tx, row.villageId, ANSWERERS);
  if (people.length === 0) return;
  const village = await tx.get<VillageDoc>(C.villages, row.villageId);
  const month = periodLabel(row.month);
  const summary = Array.from(row.summary).slice(0, 16).join('');
  await tellIn(
    tx,
    {
      openids: people.map((p) => p.boundOpenid as string),
      villageId: row.villageId,
      text: `${month}的账有一笔被质询：${row.date}“${summary}”。请到“记账与月结”答复，答复后才能签字公示。`,
      link: `/packages/cadre/ledger/index?villageId=${row.villageId}&month=${row.month}`,
      at,
      notice: { kind: 'ledger.queried', fields: { title: `${month}账目质询待答复`, village: village?.name ?? '', date: chinaDay(new Date(at)) } },
    },
    out,
  );
}
