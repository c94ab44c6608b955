import { RoleLabels } from '../../../../types/roles';
import type { Assignee, Triage } from '../../../../types/tickets';

/** 分流's three answers, in the order the 监委会 weighs them. */
export const TRIAGE_CHOICES = (['大事', '小事', '私事'] as const).map((d) => ({ value: d, label: d }));

/** What each decision of 三事分流 sets off, said before the 监委会 confirms it. */
export const TRIAGE_HINT: Record<Triage, string> = {
  大事: '大事转到镇里办理，由镇里答复。',
  小事: '小事留在村里办理，办好后在下面答复。',
  私事: '私事不用村里办理：分流理由会直接作为答复发给提出的人。',
};

/** Who a 小事 can go to, as loaded for the 监委会 (`error` when the list could not be read). */
export type People = { list: Assignee[] | undefined; error: string | null };

export const personText = (p: Assignee) => `${p.name}（${p.roles.map((r) => RoleLabels[r]).join('、')}）`;
