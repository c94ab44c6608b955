import './index.scss';

/**
 * What the 问题台账 and 交给我办理的事项 both show of a ticket, and how both act on one: one
 * card body, so a villager's point reads the same to the 监委会 and to the cadre who handles it.
 */
export { canAnswer, KIND_TEXT, STATE_TEXT, ticketLabel } from './labels';
export { Refusal, useCardAction, type CardRun } from './useCardAction';
export { History, Photos } from './History';
export { TicketSummary } from './TicketSummary';
export { AnswerBox } from './AnswerBox';
