import type { Attachment } from './disclosure';
import type { Role } from './roles';

/**
 * Contract of the `tickets` cloud function (码上监督): questions about published items and
 * ledger rows (询问), reports of problems (反映) and suggestions (建议), one model for all three.
 */

/**
 * What a question is about, with its title when asked (an item's, a ledger row's summary, an
 * asset's or land's name, a contract's name). `asset` names an entry of either 三资 register.
 */
export type TicketSubject =
  | { type: 'disclosure'; quarter: string; itemId: string; title: string }
  | { type: 'ledger'; month: string; rowId: string; title: string }
  | { type: 'asset'; id: string; title: string }
  | { type: 'contract'; id: string; title: string };

export type TicketKind = 'question' | 'report' | 'suggestion';
export type ReportCategory = '党务类' | '村务类' | '财务类';
/** 三事分流 */
export type Triage = '大事' | '小事' | '私事';
export type TicketState = 'open' | 'answered' | 'closed' | 'escalated';
export type AnswerRating = '满意' | '基本满意' | '不满意';

export interface TicketView {
  id: string;
  villageId: string;
  kind: TicketKind;
  /** For questions. */
  subject: TicketSubject | null;
  /** For reports. */
  category: ReportCategory | null;
  text: string;
  photos: Attachment[];
  anonymous: boolean;
  /** The asker's name, shown only to the 监委会 and only when asked in one's own name. */
  askerName: string | null;
  /** True for the person who asked (so the app offers rating). */
  mine: boolean;
  state: TicketState;
  createdAt: string;
  /** A reply is due by then (10 days by default, township setting); reset when reopened. */
  dueAt: string;
  overdue: boolean;
  triage: { decision: Triage; reason: string; at: string } | null;
  /** Who in the village handles a 小事, named at triage. */
  assignee: { personId: string; name: string; at: string } | null;
  answers: { text: string; at: string }[];
  ratings: { rating: AnswerRating; at: string }[];
  reopened: number;
  escalated: { at: string; why: 'overdue' | 'dissatisfied' | 'major' } | null;
  closed: { result: string; at: string } | null;
  /** Suggestions the 监委会 shows on the public board, and how many villagers seconded them. */
  public: boolean;
  seconds: number;
  /** The page the question is about. */
  link: string | null;
}

export interface AskInput {
  villageId: string;
  subject:
    | { type: 'disclosure'; quarter: string; itemId: string }
    | { type: 'ledger'; month: string; rowId: string }
    | { type: 'asset'; id: string }
    | { type: 'contract'; id: string };
  text: string;
}

export interface FileInput {
  villageId: string;
  kind: 'report' | 'suggestion';
  category?: ReportCategory;
  text: string;
  photos?: string[];
  anonymous: boolean;
}

export interface QueueFilter {
  villageId: string;
  state?: TicketState;
  kind?: TicketKind;
  category?: ReportCategory;
  /** Only tickets older than this many days. */
  olderThanDays?: number;
  /** The lists behind the township's figures: overdue, answered at least once, rated at least once. */
  overdue?: true;
  answered?: true;
  rated?: true;
}

/** Someone in the village a 小事 can be handed to: a 两委 member, the 监委会 or the 民主理财小组. */
export interface Assignee {
  personId: string;
  name: string;
  roles: Role[];
}

/** One village's line in the township overview: the public counts and what is late now. */
export interface TownshipTicketRow extends TicketStats {
  villageId: string;
  villageName: string;
  /** Not answered yet (open or with the township). */
  open: number;
}

export interface TicketStats {
  received: number;
  answered: number;
  answeredOnTime: number;
  closed: number;
  overdueOpen: number;
  satisfied: number;
  rated: number;
}

export interface TicketsApi {
  upload: { input: { villageId: string; name: string; fileId: string }; output: Attachment };
  ask: { input: AskInput; output: TicketView };
  file: { input: FileInput; output: TicketView };
  queue: { input: QueueFilter; output: { tickets: TicketView[]; open: number } };
  /** 小事 need `assigneePersonId`, one of `assignees`. */
  triage: { input: { villageId: string; ticketId: string; decision: Triage; reason: string; assigneePersonId?: string }; output: TicketView };
  assignees: { input: { villageId: string }; output: { people: Assignee[] } };
  /** The 小事 handed to the caller in this village, still to answer or awaiting a rating. */
  assigned: { input: { villageId: string }; output: { tickets: TicketView[] } };
  township: { input: { townshipId: string }; output: { rows: TownshipTicketRow[] } };
  answer: { input: { villageId: string; ticketId: string; text: string }; output: TicketView };
  rate: { input: { villageId: string; ticketId: string; rating: AnswerRating }; output: TicketView };
  close: { input: { villageId: string; ticketId: string; result: string }; output: TicketView };
  reveal: { input: { villageId: string; ticketId: string; reason: string }; output: { name: string | null; verified: boolean } };
  mine: { input: { villageId: string }; output: { tickets: TicketView[] } };
  stats: { input: { villageId: string }; output: TicketStats };
  board: { input: { villageId: string }; output: { tickets: TicketView[] } };
  markPublic: { input: { villageId: string; ticketId: string; public: boolean }; output: TicketView };
  second: { input: { villageId: string; ticketId: string }; output: { seconds: number } };
}
