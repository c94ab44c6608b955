import type { CompletenessCounts, TownshipCompletenessRow } from '../../../../types/disclosure';
import type { TownshipTicketRow } from '../../../../types/tickets';

export type SortBy = 'missing' | 'overdue' | 'onTime' | 'closed' | 'satisfied' | 'name';
export type RateKey = 'onTime' | 'closed' | 'satisfied';
/** What the 问题台账 page shows when opened from a figure here. */
export type Show = 'overdue' | 'answered' | 'closed' | 'rated' | 'all';

/** One village's line: the two answers joined by villageId. Either half may be missing. */
export interface VillageLine {
  villageId: string;
  villageName: string;
  counts?: CompletenessCounts;
  tickets?: TownshipTicketRow;
}

interface RateSpec {
  label: string;
  sortLabel: string;
  show: Show;
  /** Numerator and denominator; the denominator is what the list behind the figure holds. */
  parts: (t: TownshipTicketRow) => [number, number];
  /** Said instead of a figure when the denominator is 0. */
  none: string;
  /** How the basis reads aloud: "答复 5 件中按时 4 件". */
  basis: (n: number, d: number) => string;
}

export const RATES: Record<RateKey, RateSpec> = {
  onTime: {
    label: '按时答复率',
    sortLabel: '按时答复率',
    show: 'answered',
    parts: (t) => [t.answeredOnTime, t.answered],
    none: '还没有答复',
    basis: (n, d) => `答复 ${d} 件中按时 ${n} 件`,
  },
  closed: {
    label: '销号率',
    sortLabel: '按销号率',
    show: 'closed',
    parts: (t) => [t.closed, t.received],
    none: '还没有收到',
    basis: (n, d) => `收到 ${d} 件中销号 ${n} 件`,
  },
  satisfied: {
    label: '满意率',
    sortLabel: '按满意率',
    show: 'rated',
    parts: (t) => [t.satisfied, t.rated],
    none: '还没有评价',
    basis: (n, d) => `评价 ${d} 次中满意或基本满意 ${n} 次`,
  },
};

export const SORTS: { value: SortBy; label: string; note: string }[] = [
  { value: 'missing', label: '按未公开', note: '缺项多的村排在前面。' },
  { value: 'overdue', label: '按超期', note: '超期未答复多的村排在前面。' },
  { value: 'onTime', label: RATES.onTime.sortLabel, note: '按时答复率低的村排在前面，还没有数据的排在最后。' },
  { value: 'closed', label: RATES.closed.sortLabel, note: '销号率低的村排在前面，还没有数据的排在最后。' },
  { value: 'satisfied', label: RATES.satisfied.sortLabel, note: '满意率低的村排在前面，还没有数据的排在最后。' },
  { value: 'name', label: '按村名', note: '按村名排列。' },
];

/** The village's 问题台账 opened on the list behind a figure. */
export const ticketsUrl = (villageId: string, show: Show) => `/packages/supervise/tickets/index?villageId=${villageId}&show=${show}`;

/** The exact ratio for sorting, or null when there is nothing to rate yet. */
function ratio(t: TownshipTicketRow | undefined, key: RateKey): number | null {
  if (!t) return null;
  const [n, d] = RATES[key].parts(t);
  return d > 0 ? n / d : null;
}

/** Rounded down, so a village one ticket short never reads 100%. */
export const percent = (n: number, d: number) => `${Math.floor((n * 100) / d)}%`;

export function merge(completeness: TownshipCompletenessRow[], tickets: TownshipTicketRow[]): VillageLine[] {
  const lines = new Map<string, VillageLine>();
  for (const r of completeness) lines.set(r.villageId, { villageId: r.villageId, villageName: r.villageName, counts: r.counts });
  for (const t of tickets) {
    const line = lines.get(t.villageId);
    if (line) line.tickets = t;
    else lines.set(t.villageId, { villageId: t.villageId, villageName: t.villageName, tickets: t });
  }
  return [...lines.values()];
}

export function sorted(lines: VillageLine[], by: SortBy): VillageLine[] {
  const byName = (a: VillageLine, b: VillageLine) => a.villageName.localeCompare(b.villageName, 'zh-CN');
  // -1 for "no data", so a village with no figure never comes before one that is behind.
  const missing = (l: VillageLine) => l.counts?.missing ?? -1;
  const late = (l: VillageLine) => l.counts?.late ?? -1;
  const overdue = (l: VillageLine) => l.tickets?.overdueOpen ?? -1;
  const open = (l: VillageLine) => l.tickets?.open ?? -1;
  const compare: Record<SortBy, (a: VillageLine, b: VillageLine) => number> = {
    // The villages most behind come first: that is who the township has to call.
    missing: (a, b) => missing(b) - missing(a) || late(b) - late(a) || byName(a, b),
    overdue: (a, b) => overdue(b) - overdue(a) || open(b) - open(a) || byName(a, b),
    onTime: byRate('onTime'),
    closed: byRate('closed'),
    satisfied: byRate('satisfied'),
    name: byName,
  };
  function byRate(key: RateKey) {
    return (a: VillageLine, b: VillageLine) => {
      const ra = ratio(a.tickets, key);
      const rb = ratio(b.tickets, key);
      if (ra === null || rb === null) return (ra === null ? 1 : 0) - (rb === null ? 1 : 0) || byName(a, b);
      return ra - rb || byName(a, b);
    };
  }
  return [...lines].sort(compare[by]);
}
