import type { PlainTarget } from '../../types/plain';
import { call } from './transport';

/** 明白账: a published quarter in plain words, its 广播稿 and 短信. */
export const plainApi = {
  summary: (villageId: string, period: string) => call('plain', 'summary', { villageId, period }),
  preview: (villageId: string, period: string) => call('plain', 'preview', { villageId, period }),
  draft: (villageId: string, quarter: string) => call('plain', 'draft', { villageId, quarter }),
};

/** The page a number of the 明白账 opens: the money page at its period, the 三资 page, the questions. */
export function plainTargetUrl(villageId: string, t: PlainTarget): string | null {
  switch (t.kind) {
    case 'period':
    case 'rows':
    case 'accounts':
      // The money page opens at a month; a quarter's figures are the sum of its months there.
      return `/pages/money/index?villageId=${villageId}${/^\d{4}-\d{2}$/.test(t.period) ? `&month=${t.period}` : ''}`;
    case 'contracts':
      return `/pages/assets/index?villageId=${villageId}`;
    case 'tickets':
      return `/pages/tickets/index?villageId=${villageId}`;
    default:
      return null;
  }
}
