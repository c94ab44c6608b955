import type { PeriodComparison } from '../../../types/finance';
import type { PlainNumber, PlainSegment, PlainSummary, PlainTarget } from '../../../types/plain';

// 明白账's templates: pure, no language model. Facts in, segments out; the 广播稿 and the 短信
// are written from the very same segments, so the three never say different things.

/** A sentence (up to 。！？；) is at most this many characters: read in one breath on a phone. */
export const SENTENCE_MAX = 30;
/** The 短信's limit: one message on any phone. */
export const SMS_MAX = 70;
/**
 * A loudspeaker announcer reading slowly for elderly listeners: about 200 characters a minute
 * (news readers go 240–280). Two minutes is then 400 characters, within 300–480.
 */
export const BROADCAST_CHARS_PER_MINUTE = 200;
export const BROADCAST_MINUTES = 2;

/**
 * Words of the books villagers do not use, each with the plain words said with it: a term is
 * never printed without them, in its own sentence or the next one.
 */
export const JARGON: Readonly<Record<string, string>> = {
  科目: '记账的类别',
  借方: '记账表左边那栏',
  贷方: '记账表右边那栏',
  经营性资产: '能挣钱的房子、设备',
  发包: '把村里的地或房子包给别人用',
  上交收入: '承包户交给村里的钱',
  管理费用: '村委会日常开销',
  凭证: '发票、收据这些单据',
  投资收益: '村里入股分到的钱',
  公益支出: '修路、路灯这些大家用的开销',
  债权: '别人欠村里的钱',
  债务: '村里欠别人的钱',
};

/** The gloss written for a jargon term: 发包：把村里的地或房子包给别人用。 */
export const glossOf = (term: string) => `${term}：${JARGON[term]}。`;

/** The facts a 明白账 is written from, all read from published data (facts.ts). */
export interface PlainFacts {
  /** 2026Q3 or 2026-07 */
  period: string;
  /** 2026年第三季度, 2026年7月 */
  label: string;
  /** Where the figures were read from, in words (2026年7–9月的账，最后一个月10月5日公示). */
  from: string;
  incomeFen: number;
  expenseFen: number;
  comparison: PeriodComparison;
  /** The period's largest expense rows, largest first (up to three). */
  top: { rowId: string; amountFen: number; summary: string; account: string }[];
  /** Expense rows kept under an account named 其他…. */
  other: { fen: number; accountIds: string[] };
  /** The balance at the end of the period (the last published month's declared closing). */
  closingFen: number | null;
  households: number;
  persons: number;
  /** Live contracts ending in the quarter after the period. */
  expiring: string[];
  openQuestions: number;
}

/** How an amount reads: under 1万元 in 元 (with 角分 when there are any), from 1万元 in 万元 to two places. */
export function amountText(fen: number): string {
  const abs = Math.abs(fen);
  const sign = fen < 0 ? '负' : '';
  if (abs >= 1_000_000) return `${sign}${(Math.round(abs / 100 / 100) / 100).toFixed(2)}万元`;
  const yuan = grouped(Math.floor(abs / 100));
  const jiaoFen = abs % 100;
  return `${sign}${yuan}${jiaoFen ? `.${String(jiaoFen).padStart(2, '0')}` : ''}元`;
}

/** 1234567 → 1,234,567 */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Whole 元 for a per-household or per-person share: 1,201元. */
export const shareText = (yuan: number) => `${grouped(yuan)}元`;

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** 2026Q3 → 2026年第三季度, 2026-07 → 2026年7月. */
export function periodWords(period: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${QUARTER_NAMES[Number(q[2]) - 1]}季度`;
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}

const isQuarter = (period: string) => /Q[1-4]$/.test(period);

/** Writes segments: plain words, numbers (each with where it comes from) and quoted 摘要. */
export class Writer {
  readonly segments: PlainSegment[] = [];
  constructor(private readonly from: string) {}
  say(text: string): this {
    this.segments.push({ text });
    return this;
  }
  num(text: string, value: number, unit: PlainNumber['unit'], target: PlainTarget): this {
    this.segments.push({ text, number: { value, unit, target, from: this.from } });
    return this;
  }
  money(fen: number, target: PlainTarget): this {
    return this.num(amountText(fen), fen, '分', target);
  }
  quote(text: string, target: PlainTarget): this {
    this.segments.push({ text, quote: target });
    return this;
  }
}

/** A row's 摘要 as quoted: at most this many characters, so the sentence stays short. */
const QUOTE_MAX = 10;

function quoted(summary: string): string {
  const chars = Array.from(summary.replace(/\s+/g, ''));
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : chars.join('');
}

/** The 明白账's segments: the money, the largest spends, 其他, the balance per head, contracts, questions. */
export function summarySegments(f: PlainFacts): PlainSegment[] {
  const w = new Writer(f.from);
  const span = isQuarter(f.period) ? '本季度' : '本月';
  const totals: PlainTarget = { kind: 'period', period: f.period };
  w.say(`${span}村里收入`).money(f.incomeFen, totals).say('，支出').money(f.expenseFen, totals).say('。');
  const c = f.comparison;
  if (c.comparable) {
    const lastYear: PlainTarget = { kind: 'period', period: `${Number(f.period.slice(0, 4)) - 1}${f.period.slice(4)}` };
    for (const [name, ch] of [
      ['收入', c.income],
      ['支出', c.expense],
    ] as const) {
      if (ch.percent === null) w.say(`去年同期没有${name}，${name}没法比。`);
      else if (ch.percent === 0) w.say(`${name}和去年同期差不多。`);
      else
        w.say(`${name}比去年同期${ch.percent > 0 ? '多' : '少'}`)
          .num(`${Math.abs(ch.percent)}%`, Math.abs(ch.percent), '%', lastYear)
          .say('。');
    }
  } else {
    // Only like with like: a year with months missing is not set against this one.
    w.say('去年同期的账不全，不和去年比。');
  }
  f.top.forEach((t, i) => {
    const row: PlainTarget = { kind: 'rows', period: f.period, rowIds: [t.rowId] };
    // The rank is a number too (第二, 第三): it links to the row it ranks.
    if (i === 0) w.say('最大的支出');
    else w.num(`第${QUARTER_NAMES[i]}`, i + 1, '名', row).say('大的支出');
    w.money(t.amountFen, row).say('，用于“').quote(quoted(t.summary), row).say('”。');
  });
  if (f.top.length === 0) w.say(`${span}没有支出。`);
  if (f.other.fen > 0) w.say('记作“其他”的支出').money(f.other.fen, { kind: 'accounts', period: f.period, accountIds: f.other.accountIds }).say('。');
  else w.say('没有记作“其他”的支出。');
  if (f.closingFen !== null) {
    w.say(`${span}末账上有`).money(f.closingFen, totals).say('。');
    if (f.households > 0 && f.persons > 0) {
      const perHousehold = Math.round(f.closingFen / 100 / f.households);
      const perPerson = Math.round(f.closingFen / 100 / f.persons);
      w.say('全村').num(`${grouped(f.households)}户`, f.households, '户', { kind: 'roster' });
      w.say('、')
        .num(`${grouped(f.persons)}人`, f.persons, '人', { kind: 'roster' })
        .say('。');
      w.say('合每户').num(shareText(perHousehold), perHousehold, '元', totals);
      w.say('，每人').num(shareText(perPerson), perPerson, '元', totals).say('。');
    }
  }
  const contracts: PlainTarget = { kind: 'contracts', contractIds: f.expiring };
  if (f.expiring.length > 0) w.say('下季度有').num(`${f.expiring.length}份`, f.expiring.length, '份', contracts).say('出租合同到期。');
  else w.say('下季度没有到期的出租合同。');
  if (f.openQuestions > 0) w.say('村民的问题还有').num(`${f.openQuestions}件`, f.openQuestions, '件', { kind: 'tickets' }).say('没答复。');
  else w.say('村民的问题都已答复。');
  return merged(withGlosses(w.segments));
}

/** Neighbouring plain words as one segment: the same text always splits the same way. */
export function merged(segments: PlainSegment[]): PlainSegment[] {
  const out: PlainSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && !last.number && !last.quote && !s.number && !s.quote) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Splits text into sentences, each ending with its mark (。！？；). */
export function sentencesOf(text: string): string[] {
  return (
    text
      .match(/[^。！？；]+[。！？；]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

/** Jargon terms in a text (longest first, so 上交收入 is not also read as 收入). */
export function jargonIn(text: string): string[] {
  return Object.keys(JARGON).filter((t) => text.includes(t));
}

/** After each sentence with a jargon term (a quoted 摘要 may bring one), its gloss as the next sentence. */
function withGlosses(segments: PlainSegment[]): PlainSegment[] {
  const out: PlainSegment[] = [];
  let sentence = '';
  const glossed = new Set<string>();
  for (const s of segments) {
    out.push(s);
    sentence += s.text;
    if (/[。！？；]$/.test(s.text)) {
      for (const term of jargonIn(sentence)) {
        if (glossed.has(term)) continue;
        glossed.add(term);
        out.push({ text: glossOf(term) });
      }
      sentence = '';
    }
  }
  return out;
}

export const textOf = (segments: PlainSegment[]) => segments.map((s) => s.text).join('');

/** The 广播稿: a greeting, the 明白账 said twice (a loudspeaker is heard in passing), where to ask. */
export function broadcastOf(villageName: string, label: string, text: string): string {
  return [
    `各位村民请注意，现在播报${villageName}${label}的明白账。`,
    text,
    '再播报一遍。',
    text,
    '账目明细贴在村务公开栏上，也可以扫码查看。有疑问请到村委会问，或找村务监督委员会。播报完毕。',
  ].join('');
}

/** The 短信: the period, money in and out, the balance, open questions; shortened until it fits 70 characters. */
export function smsOf(villageName: string, f: PlainFacts): string {
  const parts = [
    `${villageName}${f.label}：`,
    `收入${amountText(f.incomeFen)}，支出${amountText(f.expenseFen)}`,
    f.closingFen === null ? '' : `，余${amountText(f.closingFen)}`,
    f.openQuestions > 0 ? `，${f.openQuestions}件问题待答复` : '',
    '。详见村务公开栏。',
  ];
  let sms = parts.join('');
  if (Array.from(sms).length > SMS_MAX) sms = [parts[0], parts[1], parts[2], '。详见公开栏。'].join('');
  if (Array.from(sms).length > SMS_MAX) sms = [`${f.label}：`, parts[1], '。详见公开栏。'].join('');
  return sms;
}

export function plainSummary(villageName: string, f: PlainFacts): PlainSummary {
  const segments = summarySegments(f);
  const text = textOf(segments);
  const title = `${f.label}明白账`;
  return { period: f.period, title, segments, text, broadcast: broadcastOf(villageName, f.label, text), sms: smsOf(villageName, f) };
}

/**
 * A target as the published table writes it (出处编号): period:2026Q3, rows:2026Q3:<id>,
 * accounts:2026Q3:<id>,<id>, contracts:<id>,<id>, tickets, roster.
 */
export function targetCode(t: PlainTarget): string {
  switch (t.kind) {
    case 'period':
      return `period:${t.period}`;
    case 'rows':
      return `rows:${t.period}:${t.rowIds.join(',')}`;
    case 'accounts':
      return `accounts:${t.period}:${t.accountIds.join(',')}`;
    case 'contracts':
      return `contracts:${t.contractIds.join(',')}`;
    default:
      return t.kind;
  }
}

export function targetOfCode(code: string): PlainTarget | null {
  // Ids may hold colons themselves (an account is `<township>:out-8`): only the first two split.
  const [kind, ...rest] = code.split(':');
  const a = kind === 'contracts' ? rest.join(':') : (rest[0] ?? '');
  const b = rest.slice(1).join(':');
  const list = (s: string) => (s ? s.split(',') : []);
  if (kind === 'period' && a) return { kind, period: a };
  if (kind === 'rows' && a) return { kind, period: a, rowIds: list(b) };
  if (kind === 'accounts' && a) return { kind, period: a, accountIds: list(b) };
  if (kind === 'contracts') return { kind, contractIds: list(a) };
  if (kind === 'tickets' || kind === 'roster') return { kind };
  return null;
}

export const SOURCES_COLUMNS = ['内容', '出处', '出处编号'];
const UNITS: readonly PlainNumber['unit'][] = ['分', '元', '户', '人', '份', '件', '%', '名', '月'];

/**
 * Every linked piece of the 明白账 as a table of the published item: what it says, where it was
 * read from, and the code the page links it by (with the unit and value). Published, it is under
 * the same digest as the words, and the notice board prints where each number came from.
 */
export function sourcesRows(segments: PlainSegment[]): string[][] {
  return segments
    .filter((s) => s.number || s.quote)
    .map((s) =>
      s.number
        ? [s.text, s.number.from, `${targetCode(s.number.target)}|${s.number.unit}|${s.number.value}`]
        : [s.text, '账目摘要', targetCode(s.quote as PlainTarget)],
    );
}

/** The segments back from the published text and its sources table; null when they do not fit together. */
export function segmentsFrom(text: string, rows: string[][]): PlainSegment[] | null {
  const out: PlainSegment[] = [];
  let at = 0;
  for (const [piece, from, code] of rows) {
    const i = text.indexOf(piece, at);
    if (i < 0) return null;
    if (i > at) out.push({ text: text.slice(at, i) });
    const [where, unit, value] = code.split('|');
    const target = targetOfCode(where);
    if (!target) return null;
    if (unit !== undefined) {
      if (!UNITS.includes(unit as PlainNumber['unit']) || !Number.isFinite(Number(value))) return null;
      out.push({ text: piece, number: { value: Number(value), unit: unit as PlainNumber['unit'], target, from } });
    } else out.push({ text: piece, quote: target });
    at = i + piece.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return merged(out);
}
