import { calendarDayOf } from '../shared/time';
import { halfWidth } from './cells';
import { cellText, type Cell } from './journal-columns';

/** What a journal is and when: its kind and period from the titles, its dates as written. */

export type JournalKind = '现金日记账' | '银行存款日记账';

/** What the title rows (or the file name) say the file is, and the period they name. */
export function journalOf(titles: string[], fileName: string): { kind: JournalKind | null; year: number | null; month: number | null; other: string | null } {
  // The title says what the file is; the file name only when the title does not.
  const kindIn = (t: string): JournalKind | null => (/现金日记账/.test(t) ? '现金日记账' : /银行(存款)?日记账/.test(t) ? '银行存款日记账' : null);
  const all = [...titles, fileName].map((t) => halfWidth(t).replace(/\s+/g, ''));
  const kind = all.map(kindIn).find(Boolean) ?? null;
  // A 明细账 of an income or expense account has 借方 and 贷方 the other way round.
  const other = kind ? null : (all.map((t) => /[^\s]*(明细账|总账|科目余额表)/.exec(t)?.[0]).find(Boolean) ?? null);
  let year: number | null = null;
  let month: number | null = null;
  for (const t of titles.map((x) => halfWidth(x).replace(/\s+/g, ''))) {
    const m = /(20\d{2})(?:年|[-./])(?:(\d{1,2})月?)?/.exec(t.replace(/^.*?(会计期间|期间|所属期|日期)[:]?/, ''));
    if (m) {
      year = Number(m[1]);
      month = m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[2]) : null;
      break;
    }
  }
  return { kind, year, month, other };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as a journal writes it: an Excel serial, 2026-10-08, 2026/10/8, 2026年10月8日,
 * 20261008, or only month and day (10-08, 10月8日) under a title naming the year. Returns
 * YYYY-MM-DD (not yet checked to be a calendar day), or null with the text as written.
 */
export function journalDate(v: Cell, year: number | null): string | null {
  if (typeof v === 'number' && v > 30000 && v < 80000) return calendarDayOf(new Date(Date.UTC(1899, 11, 30) + v * 86400000));
  // Any other number is 20261008 or nothing: 10.10 typed as a number reads back as 10.1.
  if (typeof v === 'number' && !/^20\d{6}$/.test(String(v))) return null;
  const t = cellText(v).replace(/\s+/g, '');
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = /^(20\d{2})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[-./月](\d{1,2})日?$/.exec(t);
  if (m && year !== null) return `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  return null;
}

/** 月 and 日 in two columns, the year from the title. */
export function dateOfParts(month: Cell, day: Cell, year: number | null): string | null {
  const m = Number(cellText(month).replace(/月$/, ''));
  const d = Number(cellText(day).replace(/日$/, ''));
  if (year === null || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || d < 1) return null;
  return `${year}-${pad(m)}-${pad(d)}`;
}
