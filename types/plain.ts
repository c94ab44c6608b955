/**
 * Contract of the `plain` cloud function: 明白账, a published quarter (or month) in plain words,
 * written by templates from the published books, the 三资 contracts, the open questions and the
 * roster's counts — and, from the same words, a 广播稿 for the loudspeaker and a 短信 text.
 */

/** Where a number of the 明白账 comes from: what the page opens when it is tapped. */
export type PlainTarget =
  /** The published totals of a month, quarter or year (the money page at that period). */
  | { kind: 'period'; period: string }
  /** Ledger rows of a period (the money page at that period, these rows marked). */
  | { kind: 'rows'; period: string; rowIds: string[] }
  /** Ledger rows of a period kept under these accounts (其他支出 …). */
  | { kind: 'accounts'; period: string; accountIds: string[] }
  /** 三资 contracts (the village's assets page). */
  | { kind: 'contracts'; contractIds: string[] }
  /** Villagers' questions still waiting for an answer (码上监督). */
  | { kind: 'tickets' }
  /** The village roster's counts of households and people. */
  | { kind: 'roster' };

/** One number of the 明白账: its exact value (fen for 元), the unit it is shown in, and its source. */
export interface PlainNumber {
  value: number;
  /** 分 for amounts (shown in 元 or 万元), 元 for whole-元 shares, 名 for a rank. */
  unit: '分' | '元' | '户' | '人' | '份' | '件' | '%' | '名' | '月';
  target: PlainTarget;
  /** The published version it was read from, in words (2026年7月的账，8月5日公示). */
  from: string;
}

/**
 * A piece of the 明白账's text: plain words, a number (linked to where it comes from), or words
 * quoted from a ledger row (its 摘要, linked to the row).
 */
export interface PlainSegment {
  text: string;
  number?: PlainNumber;
  quote?: PlainTarget;
}

export interface PlainSummary {
  period: string;
  /** 2026年第三季度明白账 */
  title: string;
  segments: PlainSegment[];
  /** The segments' text joined: what is published and printed. */
  text: string;
  /** The loudspeaker script, read in about two minutes (BROADCAST_CHARS_PER_MINUTE). */
  broadcast: string;
  /** A text message of at most 70 characters, for villagers without smartphones. */
  sms: string;
}

export interface PlainView {
  villageId: string;
  villageName: string;
  period: string;
  /** The summary; for a quarter, as published (null when its 明白账 is not published yet). */
  summary: PlainSummary | null;
  /** For a quarter: the published disclosure item it is (its version and digest, for 校验). */
  published: { quarter: string; itemId: string; version: number; approvedAt: string; digest: string } | null;
  /**
   * Whether each number still links: the published text is the record, and its numbers link
   * only while the books read now write exactly that text (a later correction breaks it).
   */
  linked: boolean;
  /** For this viewer: the months published since they last opened the money page. */
  since: PlainSegment[];
}

export interface PlainApi {
  /** A published quarter's (or a published month's) 明白账, with what changed since the viewer last looked. */
  summary: { input: { villageId: string; period: string }; output: PlainView };
  /** The 两委's preview of a quarter's or month's 明白账, 广播稿 and 短信 from the published books. */
  preview: { input: { villageId: string; period: string }; output: PlainSummary };
  /** Drafts the quarter's 明白账 as a disclosure item, to go through review with the quarter. */
  draft: { input: { villageId: string; quarter: string }; output: { itemId: string; title: string } };
}
