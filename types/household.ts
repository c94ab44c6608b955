import type { DisclosureCategory } from './village';
import type { MeetingBody, Stage } from './matters';
import type { TicketKind, TicketState } from './tickets';

/**
 * Contract of the `household` cloud function (我家): what concerns one household, gathered from
 * what the village has published. Visible to the household's own members; the 监委会 may look at a
 * household with a reason, and that look is recorded on the village's audit chain and told to the
 * household.
 */

/** What a table cell holds, as its column header says: the page shows amounts and dates large. */
export type CellKind = 'name' | 'id' | 'amount' | 'date' | 'other';

/** One row of a published list that names a member of the household. */
export interface HouseholdEntry {
  quarter: string;
  /** e.g. 2026年第三季度 */
  quarterLabel: string;
  itemId: string;
  category: DisclosureCategory;
  /** The list's title as published, e.g. 2026年第三季度耕地地力保护补贴发放. */
  title: string;
  /** The published version the row is read from (the one in force). */
  version: number;
  approvedAt: string;
  /** Which member the row names, as the roster writes them. */
  member: string;
  /**
   * `true` when the table's masked ID number agrees with the member's; `false` when the table has
   * no ID number to check and the village has more than one person of that name.
   */
  certain: boolean;
  /** Where the row is in the version: `${table}:${row}`, counted from 0 (a stable key). */
  at: string;
  /** The row as the table gives it, column by column. */
  cells: { column: string; text: string; kind: CellKind }[];
  /** The published version: /pages/item/index?...&version=N */
  link: string;
}

/** A 筹资筹劳 plan and what it asks of this household. */
export interface HouseholdShare {
  matterId: string;
  title: string;
  project: string;
  stage: Stage;
  status: string;
  perPersonFen: number;
  workdays: number;
  /** Members who pay, and what they pay together. */
  payers: number;
  shareFen: number;
  /** Members who work, and their workdays together. */
  labourers: number;
  shareWorkdays: number;
  /** Why members are left out, in words (低保户免交, 现役军人免除, 未满18周岁). */
  exempt: string[];
  link: string;
}

/** A vote a member of the household may take (or could take) part in. */
export interface HouseholdVote {
  matterId: string;
  meetingId: string;
  title: string;
  stage: '审议' | '决议';
  body: MeetingBody;
  state: 'open' | 'closing' | 'closed';
  closesAt: string;
  /** Members on the meeting's frozen electorate. */
  members: string[];
  /** 通过 / 未通过 / 未达法定人数, once counted. */
  outcome: string | null;
  link: string;
}

/** A question, report or suggestion a member asked in their own name (or the caller anonymously). */
export interface HouseholdQuestion {
  ticketId: string;
  kind: TicketKind;
  text: string;
  state: TicketState;
  createdAt: string;
  anonymous: boolean;
  /** Who asked: a member's name, or 我 for the caller's own. */
  askedBy: string;
  /** The caller's own open on 我的提问; another member's are read here only (null). */
  link: string | null;
}

export interface HouseholdView {
  villageId: string;
  villageName: string;
  /** The household's members as the roster lists them, head first. */
  members: { name: string; relation: string }[];
  /** Newest quarter first; within a quarter, by catalog item id (2-2 before 2-3). */
  entries: HouseholdEntry[];
  shares: HouseholdShare[];
  votes: HouseholdVote[];
  questions: HouseholdQuestion[];
  /** Whose look this is: the household's own, or the 监委会's recorded one. */
  viewer: 'member' | 'supervisor';
}

export interface HouseholdApi {
  /** 我家: the caller's own household (a verified villager). */
  mine: { input: { villageId: string }; output: HouseholdView };
  /** The 监委会 looks at the household of `personId`, saying why: recorded and told to the household. */
  inspect: { input: { villageId: string; personId: string; reason: string }; output: HouseholdView };
}
