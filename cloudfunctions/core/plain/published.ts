import type { Block } from '../../../types/disclosure';
import type { PlainSummary } from '../../../types/plain';
import { segmentsFrom, SOURCES_COLUMNS, sourcesRows } from './rules';

// The 明白账 as a disclosure item's content, and back: its words, the 广播稿, the 短信 and the
// table of where every number comes from — all four under the published version's digest.

export const BROADCAST_LEAD = '广播稿（约两分钟）：';
export const SMS_LEAD = '短信：';

export function plainBody(s: PlainSummary): Block[] {
  return [
    { type: 'paragraph', text: s.text },
    { type: 'paragraph', text: `${BROADCAST_LEAD}${s.broadcast}` },
    { type: 'paragraph', text: `${SMS_LEAD}${s.sms}` },
    { type: 'table', columns: SOURCES_COLUMNS, rows: sourcesRows(s.segments) },
  ];
}

/** A published 明白账 read back; null when the content is not one (hand-edited past recognition). */
export function summaryFromBody(period: string, title: string, body: Block[]): PlainSummary | null {
  const [text, broadcast, sms, sources] = body;
  if (text?.type !== 'paragraph' || broadcast?.type !== 'paragraph' || sms?.type !== 'paragraph' || sources?.type !== 'table') return null;
  const segments = segmentsFrom(text.text, sources.rows) ?? [{ text: text.text }];
  return {
    period,
    title,
    segments,
    text: text.text,
    broadcast: broadcast.text.replace(BROADCAST_LEAD, ''),
    sms: sms.text.replace(SMS_LEAD, ''),
  };
}
