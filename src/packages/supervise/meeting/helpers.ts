import type { Choice, MatterView, MeetingView } from '../../../../types/matters';

/* What the 监委会's meeting cards share: the choices, the list sizes, and a meeting with its matter. */

export const CHOICES: Choice[] = ['同意', '不同意', '弃权'];
/** A village hall list longer than this is found by name instead of scrolled. */
export const SHOWN = 50;

export type Person = { personId: string; name: string; idMasked: string; voted: boolean };
export type Found = { matter: MatterView; meeting: MeetingView };

export const meetingUrl = (villageId: string, matterId: string, meetingId: string) =>
  `/packages/supervise/meeting/index?villageId=${villageId}&matterId=${matterId}&meetingId=${meetingId}`;

export const total = (c: Record<Choice, number>) => CHOICES.reduce((n, k) => n + c[k], 0);

/** What the server never answered with words of its own. */
export const FAILED = '出了点问题，请稍后再试。';
