import type { Block } from '../../../types/disclosure';
import { digestOf } from '../shared/digest';
import { findPersonalNumbers, maskPersonalNumbers, type PersonalPlace } from '../shared/personal-numbers';
import { chinaDay, parseQuarterKey, quarterDueDate, quarterKey, quarterLabel, quarterOf, shiftQuarterKey, type QuarterRef } from '../shared/time';
import { DEFAULT_SETTINGS, type TownshipDoc } from '../shared/records';
import type { Content, VersionDoc } from './model';

/** Where one quarter of a village stands, as the home needs to know it. */
export interface QuarterFacts {
  /** Catalog (regular) items with a published version. */
  regular: number;
  /** 专项公开 items with a published version. */
  adhoc: number;
  /** How many catalog items the quarter requires. */
  required: number;
  /** The quarter's due date (China time, YYYY-MM-DD). */
  dueDate: string;
}

/** The quarter that ended last (the one 一季一晒 reports on now), China time. */
export function lastEndedQuarter(now: Date): string {
  return shiftQuarterKey(quarterKey(quarterOf(now)), -1);
}

/**
 * The quarters a village home shows: `main`, the quarter villagers are owed, and `more`, later
 * quarters with something to see, oldest first.
 *
 * The main card is the quarter being reported. When a quarter ends, the one before it stays the
 * main card until that one is complete or past its due date *and* the quarter just ended has
 * regular catalog items out: a fully published quarter is never replaced by an empty one, and a
 * 专项公开 or an item out early (a matter's result, a month's books) never moves the home by
 * itself. A later quarter shows as a second card once anything of it is out — or, for the quarter
 * that ended, once its due date has passed with nothing out, since that is news too.
 */
export function homeQuarters(now: Date, facts: (quarter: string) => QuarterFacts): { main: string; more: string[] } {
  const today = chinaDay(now);
  const ended = lastEndedQuarter(now);
  const before = shiftQuarterKey(ended, -1);
  const current = shiftQuarterKey(ended, 1);
  const e = facts(ended);
  const b = facts(before);
  const beforeDone = b.regular >= b.required || today > b.dueDate;
  const main = b.regular === 0 || (beforeDone && e.regular > 0) ? ended : before;
  const more: string[] = [];
  if (main === before && (e.regular + e.adhoc > 0 || today > e.dueDate)) more.push(ended);
  const c = facts(current);
  if (c.regular + c.adhoc > 0) more.push(current);
  return { main, more };
}

/**
 * A draft's words: title, paragraphs and tables (headers and cells), with their places and a way
 * to replace each in the blocks given (the caller hands in a copy when it means to change them).
 */
function textsOf(c: { title: string; body: Block[] }): { where: string; text: string; set: (masked: string) => void }[] {
  const out: { where: string; text: string; set: (masked: string) => void }[] = [];
  const body = c.body;
  out.push({ where: '标题', text: c.title, set: () => undefined });
  let paragraph = 0;
  let table = 0;
  for (const b of body) {
    if (b.type === 'paragraph') {
      paragraph += 1;
      out.push({ where: `正文第 ${paragraph} 段`, text: b.text, set: (m) => (b.text = m) });
    } else {
      table += 1;
      const name = `第 ${table} 个表格`;
      b.columns.forEach((col, i) => {
        out.push({ where: `${name}的表头`, text: col, set: (m) => (b.columns[i] = m) });
      });
      b.rows.forEach((row, r) => {
        row.forEach((cell, i) => {
          out.push({ where: `${name}第 ${r + 1} 行“${b.columns[i] ?? ''}”列`, text: cell, set: (m) => (row[i] = m) });
        });
      });
    }
  }
  return out;
}

/** Where a draft (and its attachments' names) holds ID or mobile numbers, in words. */
export function personalPlaces(c: { title: string; body: Block[]; attachmentNames?: string[] }): PersonalPlace[] {
  const places: PersonalPlace[] = [];
  for (const t of textsOf(c)) for (const n of findPersonalNumbers(t.text)) places.push({ where: t.where, kind: n.kind });
  for (const name of c.attachmentNames ?? [])
    for (const n of findPersonalNumbers(name)) places.push({ where: `附件“${maskPersonalNumbers(name)}”的文件名`, kind: n.kind });
  return places;
}

/** The draft's title and body with every ID and mobile number masked (一键打码, and redaction). */
export function maskedContent<T extends { title: string; body: Block[] }>(c: T): T {
  const body = c.body.map((b) => (b.type === 'paragraph' ? { ...b } : { ...b, columns: [...b.columns], rows: b.rows.map((r) => [...r]) }));
  for (const t of textsOf({ title: c.title, body })) t.set(maskPersonalNumbers(t.text));
  return { ...c, title: maskPersonalNumbers(c.title), body };
}

/**
 * A table header that names people: 姓名, 户主, or a person by their part (承包人、承租人、申请人、
 * 救助对象、家庭成员). 查找我的名字 looks only in such columns: searched elsewhere it finds nothing a
 * villager could be (a month, an amount, a contractor's company) and says "not on the list" about
 * a table that is no list at all. 名称 names things (工程名称、资产名称), and 人数 counts people.
 */
export function isNameColumn(header: string): boolean {
  // A note in brackets does not change what the column holds: 户主（签字）, 姓名(代领人).
  const h = header.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
  return /(姓名|名字|户主|人|对象|成员)$/.test(h);
}

/** For each block, the indexes of its columns that name people (none for a paragraph). */
export function nameColumnsOf(body: Block[]): number[][] {
  return body.map((b) => (b.type === 'table' ? b.columns.flatMap((c, i) => (isNameColumn(c) ? [i] : [])) : []));
}

export function labelOf(quarter: string): string {
  const q = parseQuarterKey(quarter);
  return q ? quarterLabel(q) : quarter;
}

export function dueDateOf(township: TownshipDoc | null, quarter: string): string {
  const q = parseQuarterKey(quarter) as QuarterRef;
  return quarterDueDate(q, township?.settings?.disclosureDueDay ?? DEFAULT_SETTINGS.disclosureDueDay);
}

/**
 * What a published version's chain record commits to: everything it says (title, paragraphs,
 * tables, amount, each attachment's name, type, size and SHA-256), why it replaced the one before,
 * who approved it and when. Changing any of them — even the date — no longer matches the record.
 */
export function versionDigest(v: Content & Pick<VersionDoc, 'itemKey' | 'version' | 'reason' | 'approvedAt' | 'approvedBy'>): string {
  return digestOf({
    item: v.itemKey,
    version: v.version,
    title: v.title,
    body: v.body,
    amountFen: v.amountFen,
    attachments: (v.attachments ?? []).map((a) => ({ name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 })),
    reason: v.reason,
    approvedAt: v.approvedAt,
    approvedBy: v.approvedBy.personId ?? null,
  });
}
