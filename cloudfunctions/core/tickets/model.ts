import { seal, unseal } from '../shared/sealed';
import type { AnswerRating, ReportCategory, TicketKind, TicketState, TicketSubject, Triage } from '../../../types/tickets';
import type { StoredAttachment } from '../attachments/api';
import { local } from '../shared/time';
import { accountKeyOf } from '../limits/api';

/**
 * A question, report or suggestion. The asker is not in it: only a keyed hash of their account
 * (so they can find and rate their own), and their roster person when they asked in their own
 * name. Who asked an anonymous one is kept apart, in ticket_askers, for the township discipline
 * admin alone.
 */
export interface TicketDoc {
  _id: string;
  villageId: string;
  kind: TicketKind;
  subject: TicketSubject | null;
  category: ReportCategory | null;
  text: string;
  photos: StoredAttachment[];
  anonymous: boolean;
  askerKey: string;
  /** Null when anonymous. */
  askerPersonId: string | null;
  state: TicketState;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  reminded: boolean;
  triage: { decision: Triage; reason: string; at: string } | null;
  /** The named person a 小事 is handed to. */
  assignee: { personId: string; name: string; at: string } | null;
  answers: { text: string; at: string; byPersonId: string | null }[];
  ratings: { rating: AnswerRating; at: string }[];
  /** Kept beside the arrays so the township's lists (answered, rated) are plain queries. */
  firstAnsweredAt: string | null;
  lastRating: AnswerRating | null;
  reopened: number;
  escalated: { at: string; why: 'overdue' | 'dissatisfied' | 'major' } | null;
  closed: { result: string; at: string } | null;
  public: boolean;
  seconds: number;
  [k: string]: unknown;
}

/**
 * Who asked (their account, and their roster person if verified), kept apart from the ticket and
 * sealed with a key derived from ID_HASH_KEY: only the service reads it (to tell the asker of an
 * answer, and for the 镇纪委's recorded look), never someone holding a copy of the database.
 */
export interface AskerDoc {
  /** The ticket id. */
  _id: string;
  villageId: string;
  sealed: string;
  [k: string]: unknown;
}

export interface Asker {
  openid: string;
  personId: string | null;
}

/** The asker's account, as only a keyed hash: enough to find "mine", useless to read back (the same key the rate limits use). */
export const askerKeyOf = accountKeyOf;

const ASKER = 'ticket-asker';

export const sealAsker = (idKey: string, ticketId: string, asker: Asker) => seal(idKey, ASKER, ticketId, asker);

/** Records written before sealing carry the asker in clear. */
export function askerOf(idKey: string, doc: AskerDoc & { openid?: string; personId?: string | null }): Asker {
  if (!doc.sealed && doc.openid) return { openid: doc.openid, personId: doc.personId ?? null };
  return unseal<Asker>(idKey, ASKER, doc._id, doc.sealed);
}

/** A village's public counts, kept in the same transaction as each change they count. */
export interface StatsDoc {
  _id: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  closed: number;
  satisfied: number;
  rated: number;
  /**
   * Open or with the township, kept with every change so the township's overview reads one
   * document a village instead of counting its tickets. Absent on counts written before it
   * existed; readers then count.
   */
  unanswered?: number;
  [k: string]: unknown;
}

/** Not answered yet: still with the village, or with the township. */
export const isUnanswered = (state: string): boolean => state === 'open' || state === 'escalated';

export const NO_STATS = { received: 0, answered: 0, answeredOnTime: 0, closed: 0, satisfied: 0, rated: 0 };

/** A ticket's kind in the words messages use. */
export const kindWord = (d: Pick<TicketDoc, 'kind'>) => (d.kind === 'question' ? '提问' : d.kind === 'report' ? '反映' : '建议');

/** The day (Asia/Shanghai) an instant falls on, as messages print it. */
export const chinaDay = (at: string) => local(new Date(at)).format('YYYY-MM-DD');
