import type { MonthState } from '../../../../types/finance';
import type { MonthEntry } from '../../../services/ledger-form';

/** The panel's words for a month: "closed" is what waits for them. */
export const STATE_TEXT: Record<MonthState, string> = {
  open: '未结账',
  closed: '待审核签字',
  published: '已公示',
};

export const STATE_TAG: Record<MonthState, 'default' | 'warning' | 'success'> = {
  open: 'default',
  closed: 'warning',
  published: 'success',
};

// Fifteen months and more pile up; the newest few are what the panel works on.
export const MONTHS_SHOWN = 6;

/** The month waiting for a signature comes first; otherwise the newest (the list is newest first). */
export function reviewMonth(list: MonthEntry[]): string | null {
  return list.find((m) => m.state === 'closed')?.month ?? list[0]?.month ?? null;
}
