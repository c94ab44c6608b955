import { WARNING_KIND_LABEL, type WarningKind, type WarningView } from '../../../../types/assets';
import type { Choice } from '../../../components/ChoiceRow';

export type SortBy = 'level' | 'village' | 'kind' | 'date';

export const SORTS: (Choice<SortBy> & { note: string })[] = [
  { value: 'level', label: '按轻重', note: '红灯在前，同样的新发出的在前。' },
  { value: 'village', label: '按村', note: '同一个村的放在一起，每村红灯在前。' },
  { value: 'kind', label: '按类别', note: '同一类预警放在一起，便于集中清理。' },
  { value: 'date', label: '按日期', note: '新发出的在前。' },
];

const KINDS = Object.keys(WARNING_KIND_LABEL) as WarningKind[];
const LEVELS: WarningView['level'][] = ['red', 'yellow', 'green'];

const byLevel = (a: WarningView, b: WarningView) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level);
const newestFirst = (a: WarningView, b: WarningView) => b.raisedAt.localeCompare(a.raisedAt);
const byVillage = (a: WarningView, b: WarningView) => a.villageName.localeCompare(b.villageName, 'zh-CN');

/** The township's warnings in the chosen order; ties fall back to the next thing a cadre would look at. */
export function sortWarnings(list: WarningView[], by: SortBy): WarningView[] {
  const order: Record<SortBy, (a: WarningView, b: WarningView) => number> = {
    level: (a, b) => byLevel(a, b) || newestFirst(a, b),
    village: (a, b) => byVillage(a, b) || byLevel(a, b) || newestFirst(a, b),
    kind: (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || byVillage(a, b) || newestFirst(a, b),
    date: (a, b) => newestFirst(a, b) || byLevel(a, b),
  };
  return [...list].sort(order[by]);
}
