/**
 * Quarter keys (`2026Q3`) as both sides use them: the disclosure period of 一季一晒. Pure string
 * arithmetic — which quarter "now" is belongs to each side's clock module, not here.
 */

export const QUARTER_KEY = /^(\d{4})Q([1-4])$/;

export interface QuarterRef {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const NAMES = ['一', '二', '三', '四'];

export function isQuarterKey(key: string | undefined | null): key is string {
  return typeof key === 'string' && QUARTER_KEY.test(key);
}

export function quarterKey(q: QuarterRef): string {
  return `${q.year}Q${q.quarter}`;
}

export function parseQuarterKey(key: string): QuarterRef | null {
  const m = QUARTER_KEY.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as QuarterRef['quarter'] } : null;
}

/** 2026Q1 shifted by -1 → 2025Q4. Throws on a malformed key: callers check keys at the edge. */
export function shiftQuarterKey(key: string, by: number): string {
  const q = parseQuarterKey(key);
  if (!q) throw new Error(`not a quarter key: ${key}`);
  const index = q.year * 4 + q.quarter - 1 + by;
  return quarterKey({ year: Math.floor(index / 4), quarter: ((index % 4) + 1) as QuarterRef['quarter'] });
}

/** 2026年第三季度 */
export function quarterLabel(q: QuarterRef): string {
  return `${q.year}年第${NAMES[q.quarter - 1]}季度`;
}

/** 2026Q3 → 2026年第三季度; anything else comes back as it was. */
export function quarterText(key: string): string {
  const q = parseQuarterKey(key);
  return q ? quarterLabel(q) : key;
}

/** 2026-10 → 2026Q4 */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}
