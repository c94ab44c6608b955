import type { AnswerRating, ReportCategory, TicketState, TicketView } from '../../../types/tickets';
import { TICKET_TEXT } from '../../../common/limits';

export type Tab = 'report' | 'suggestion' | 'mine' | 'board';
export type FormKind = 'report' | 'suggestion';

export const TABS: { key: Tab; label: string }[] = [
  { key: 'report', label: '我要反映问题' },
  { key: 'suggestion', label: '我要提建议' },
  { key: 'mine', label: '我提过的' },
  { key: 'board', label: '公开的建议' },
];

/** The route's `tab`: links from messages open 我提过的, the notice-board poster opens the board. */
export const tabOf = (p: string | undefined): Tab => (p === 'mine' ? 'mine' : p === 'board' ? 'board' : 'report');

export const CATEGORIES: ReportCategory[] = ['党务类', '村务类', '财务类'];
export const RATINGS: AnswerRating[] = ['满意', '基本满意', '不满意'];

// The service's limits, checked before sending so the message can say what to change.
export const MIN_TEXT = TICKET_TEXT.min;
export const MAX_TEXT = TICKET_TEXT.max;

export const STATE_TEXT: Record<TicketState, string> = {
  open: '待处理',
  answered: '已答复',
  closed: '已销号',
  escalated: '已转镇里处理',
};

export const STATE_TAG: Record<TicketState, 'warning' | 'success' | 'default' | 'danger'> = {
  open: 'warning',
  answered: 'success',
  closed: 'default',
  escalated: 'danger',
};

export const ESCALATED_TEXT: Record<NonNullable<TicketView['escalated']>['why'], string> = {
  overdue: '超过答复期限还没有答复，已转到镇里处理。',
  dissatisfied: '两次答复您都不满意，已转到镇里处理。',
  major: '这件事比较大，由镇里处理。',
};

export const KIND_TEXT: Record<TicketView['kind'], string> = { question: '提问', report: '反映问题', suggestion: '建议' };

/** Who is looking, only to say up front who may file what; the server decides. */
export interface Me {
  signedIn: boolean;
  verified: boolean;
}
