/**
 * Contract of the `tickets` cloud function (码上监督). For now: 询 — a question about a published
 * disclosure item, to the 监委会's queue, and their answer.
 */

/** What a question is about, with its title when asked (an item's, or a ledger row's summary). */
export type TicketSubject =
  | { type: 'disclosure'; quarter: string; itemId: string; title: string }
  | { type: 'ledger'; month: string; rowId: string; title: string };

export interface TicketView {
  id: string;
  villageId: string;
  kind: 'question';
  subject: TicketSubject;
  text: string;
  /** The asker's name, shown only to the 监委会 (a question is asked in one's own name). */
  askerName: string | null;
  state: 'open' | 'answered';
  createdAt: string;
  answer: { text: string; at: string } | null;
  /** The page the question is about. */
  link: string;
}

export interface AskInput {
  villageId: string;
  subject: { type: 'disclosure'; quarter: string; itemId: string } | { type: 'ledger'; month: string; rowId: string };
  text: string;
}

export interface TicketsApi {
  ask: { input: AskInput; output: TicketView };
  queue: { input: { villageId: string; state?: 'open' | 'answered' }; output: { tickets: TicketView[]; open: number } };
  answer: { input: { villageId: string; ticketId: string; text: string }; output: TicketView };
  mine: { input: { villageId: string }; output: { tickets: TicketView[] } };
}
