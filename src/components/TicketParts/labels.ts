import type { TicketKind, TicketState, TicketView } from '../../../types/tickets';

/** The words and tag colours a ticket's state and kind are shown with, on the ledger and the cadre's list alike. */

export const STATE_TEXT: Record<TicketState, string> = {
  open: '待处理',
  answered: '已答复',
  closed: '已销号',
  escalated: '已转镇里',
};

export const STATE_TAG: Record<TicketState, 'warning' | 'primary' | 'success' | 'danger'> = {
  open: 'warning',
  answered: 'primary',
  closed: 'success',
  escalated: 'danger',
};

export const KIND_TEXT: Record<TicketKind, string> = { question: '提问', report: '反映', suggestion: '建议' };

export const ESCALATED_WHY: Record<NonNullable<TicketView['escalated']>['why'], string> = {
  overdue: '超期',
  dissatisfied: '因不满意',
  major: '大事',
};

/** Code points, not UTF-16 units, so a label never ends in half an emoji. */
const firstChars = (text: string, n: number) => Array.from(text).slice(0, n).join('');

/** The card's accessible name: the first words of the point, as a reader would call it. */
export const ticketLabel = (t: TicketView) => `事项：${firstChars(t.text, 20)}`;

/** Still waiting for an answer: the only states an answer can be given in. */
export const canAnswer = (t: TicketView) => t.state === 'open' || t.state === 'escalated';
