/** Quarter keys (`2026Q3`) on the client: checking and stepping, by the rules the functions use. */
import { isQuarterKey, shiftQuarterKey } from '../../common/quarters';

export { isQuarterKey };

/** 2026Q1 shifted by -1 → 2025Q4; a key from a bad link comes back unchanged rather than throwing. */
export function shiftQuarter(key: string, by: number): string {
  return isQuarterKey(key) ? shiftQuarterKey(key, by) : key;
}
