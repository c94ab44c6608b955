/** Quarter keys (`2026Q3`) on the client: checking and stepping. */

const KEY = /^(\d{4})Q([1-4])$/;

export function isQuarterKey(key: string | undefined | null): key is string {
  return typeof key === 'string' && KEY.test(key);
}

/** 2026Q1 shifted by -1 → 2025Q4. */
export function shiftQuarter(key: string, by: number): string {
  const m = KEY.exec(key);
  if (!m) return key;
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}
