import type { PlainSummary, PlainView } from '../../../types/plain';
import type { Ports } from '../../ports';
import { authorize, callerInVillage } from '../caller/api';
import { loadPublished, PLAIN_ITEM_ID } from '../disclosure/api';
import { lastSeenAt, publishedSince } from '../finance/api';
import { fail } from '../shared/errors';
import { factsOf } from './facts';
import { plainPolicy } from './policy';
import { summaryFromBody } from './published';
import { periodWords, plainSummary } from './rules';
import { sinceSegments } from './since';

const isQuarter = (period: string) => /Q[1-4]$/.test(period);

/** The 明白账 written now from the published books (the 两委's preview, and a month's page). */
export async function liveSummary(ports: Ports, villageId: string, period: string): Promise<PlainSummary> {
  const read = await factsOf(ports, villageId, period);
  if (!read) throw fail.precondition(`${periodWords(period)}还没有签字公示的账，公示后才有明白账。`);
  return plainSummary(read.villageName, read.facts);
}

export async function preview(ports: Ports, input: { villageId: string; period: string }): Promise<PlainSummary> {
  authorize(await callerInVillage(ports, input.villageId), plainPolicy.preview);
  return liveSummary(ports, input.villageId, input.period);
}

/**
 * A quarter's 明白账 as published (its words are the published version's, its links the
 * version's sources table), or a published month's written from that month's books, which no
 * longer change; and, for this viewer, the months published since they last opened the money page.
 */
export async function summary(ports: Ports, input: { villageId: string; period: string }): Promise<PlainView> {
  const ctx = await callerInVillage(ports, input.villageId);
  const seenAt = await lastSeenAt(ports, input.villageId);
  const since = sinceSegments(await publishedSince(ports, input.villageId, seenAt), seenAt === null);
  const base = { villageId: input.villageId, villageName: ctx.village.name, period: input.period, since };
  if (!isQuarter(input.period)) {
    const s = await liveSummary(ports, input.villageId, input.period).catch(() => null);
    return { ...base, summary: s, published: null, linked: !!s };
  }
  const found = await loadPublished(ports, { villageId: input.villageId, quarter: input.period, itemId: PLAIN_ITEM_ID }).catch(() => null);
  if (!found) return { ...base, summary: null, published: null, linked: false };
  const v = found.wanted;
  const s = summaryFromBody(input.period, v.title, v.body);
  return {
    ...base,
    summary: s,
    published: { quarter: input.period, itemId: PLAIN_ITEM_ID, version: v.version, approvedAt: v.approvedAt, digest: v.digest },
    linked: !!s && s.segments.some((x) => x.number),
  };
}
