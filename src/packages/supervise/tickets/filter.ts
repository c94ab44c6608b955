import { useState } from 'react';
import type { ReportCategory, TicketKind, TicketState } from '../../../../types/tickets';
import type { Choice } from '../../../components/ChoiceRow';

export const STATES: Choice<TicketState | null>[] = [
  { value: null, label: '全部' },
  { value: 'open', label: '待处理' },
  { value: 'answered', label: '已答复' },
  { value: 'closed', label: '已销号' },
  { value: 'escalated', label: '已转镇里' },
];
export const KINDS: Choice<TicketKind | null>[] = [
  { value: null, label: '全部' },
  { value: 'question', label: '提问' },
  { value: 'report', label: '反映' },
  { value: 'suggestion', label: '建议' },
];
export const CATEGORIES: Choice<ReportCategory | null>[] = [
  { value: null, label: '全部类别' },
  { value: '党务类', label: '党务类' },
  { value: '村务类', label: '村务类' },
  { value: '财务类', label: '财务类' },
];
export const AGES: Choice<number | null>[] = [
  { value: null, label: '全部' },
  { value: 7, label: '超过 7 天' },
  { value: 30, label: '超过 30 天' },
];

/** The lists behind the township overview's figures, which link here with `show=`. */
export type Only = 'overdue' | 'answered' | 'rated';
export const ONLY_TEXT: Record<Only, string> = { overdue: '超期未答复', answered: '答复过的', rated: '评价过的' };

/** The filter a link opens the page with; anything else opens on what needs doing. */
function initialFilter(show: string | undefined): { state: TicketState | null; only: Only | null } {
  if (show === 'closed') return { state: 'closed', only: null };
  if (show === 'all') return { state: null, only: null };
  if (show === 'overdue' || show === 'answered' || show === 'rated') return { state: null, only: show };
  return { state: 'open', only: null };
}

export type TicketFilter = ReturnType<typeof useTicketFilter>;

/** The ledger's filter: what the link opened it with, then what the 监委会 picks. */
export function useTicketFilter(show: string | undefined) {
  // What needs doing comes first, unless a link (the township's figures, a message) says otherwise.
  const [initial] = useState(() => initialFilter(show));
  const [state, setState] = useState<TicketState | null>(initial.state);
  const [only, setOnly] = useState<Only | null>(initial.only);
  const [kind, setKind] = useState<TicketKind | null>(null);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [days, setDays] = useState<number | null>(null);

  function chooseKind(k: TicketKind | null) {
    setKind(k);
    // Only reports have a category; a category left over would hide every other kind.
    if (k !== 'report') setCategory(null);
  }

  function dropOnly() {
    // The chip came with the link: removing it opens the page as it usually opens.
    setOnly(null);
    setState('open');
  }

  return {
    state,
    setState,
    only,
    dropOnly,
    kind,
    chooseKind,
    category,
    setCategory,
    days,
    setDays,
    key: `${state}:${only}:${kind}:${category}:${days}`,
    /** Anything but the usual opening view: the empty list then says nothing matched. */
    filtered: state !== 'open' || only !== null || kind !== null || category !== null || days !== null,
    /** The queue request's filter fields, only those set. */
    query: {
      ...(state ? { state } : {}),
      ...(only ? { [only]: true } : {}),
      ...(kind ? { kind } : {}),
      ...(category ? { category } : {}),
      ...(days !== null ? { olderThanDays: days } : {}),
    },
  };
}
