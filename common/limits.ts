/**
 * How long (or how many) each kind of field may be, as both sides enforce it: the functions' zod
 * schemas refuse what is outside, and the app's inputs, buttons and hints stop it before it is
 * sent. Written once so the two cannot drift: a box that lets 500 characters through to a schema
 * that takes 300 fails only after the person has typed it all.
 *
 * Lengths are UTF-16 code units, what `String.length` and zod's `.min()`/`.max()` count, after
 * trimming (every free-text schema trims). An emoji counts 2; Chinese characters count 1.
 *
 * Only rules the server enforces belong here. A number only the app uses (how wide a search box
 * is, a stricter count of attachments on one page) stays with the page.
 */

/** Bounds of a text field, inclusive; min 0 means the field may be left empty. */
export interface TextLimit {
  readonly min: number;
  readonly max: number;
}

const limit = (min: number, max: number): TextLimit => ({ min, max });

// ---- Tickets (述: questions, reports, suggestions) ----

/**
 * A villager's question, report or suggestion, and every sentence the village writes on one
 * (triage reason, answer, closing result, why an anonymous reporter is revealed). Four characters
 * is the shortest that says anything ("路灯坏了"); 500 keeps one ticket one matter.
 */
export const TICKET_TEXT = limit(4, 500);
/** Photos on one report or suggestion. */
export const TICKET_PHOTOS = limit(0, 6);

// ---- Matters (四议两公开) ----

/** A matter's title, read aloud at the meeting and printed on the board: 4–60 characters. */
export const MATTER_TITLE = limit(4, 60);
/** What the matter is and why: at least a sentence (10), at most about a printed page. */
export const MATTER_SUMMARY = limit(10, 2000);
/** The 一事一议 project's name in a funding plan. */
export const FUNDING_PROJECT = limit(2, 100);
/** Notes on exemptions in a funding plan; may be left empty. */
export const FUNDING_NOTES = limit(0, 500);
/** The record of a 两委 or 党支部 discussion: time, who came, what was agreed. */
export const MEETING_RECORD = limit(4, 2000);
/** A published resolution, implementation result or its correction (公开 text). */
export const MATTER_PUBLICATION = limit(4, 5000);
/** Why the township returns a filing, or why a published result is corrected. */
export const MATTER_REASON = limit(2, 500);
/** A name typed to find a voter in the electorate at an in-person meeting. */
export const ELECTORATE_QUERY = limit(1, 20);

// ---- Finance (ledger) ----

/** A ledger row's 摘要: what the money was for. Also the import's check of each file row. */
export const LEDGER_SUMMARY = limit(1, 200);
/** A ledger row's 对方单位或个人; may be empty (cash sales). */
export const LEDGER_COUNTERPARTY = limit(0, 80);
/** A ledger row's 经手人; may be empty. */
export const LEDGER_HANDLER = limit(0, 20);
/** Why a closed month is reopened or a row adjusted: kept in the record for the 理财小组. */
export const LEDGER_CHANGE_REASON = limit(4, 200);
/** The 理财小组's query on a row, and the 会计's answer to it. */
export const LEDGER_QUERY = limit(2, 300);
/** Voucher photos on one ledger row. */
export const LEDGER_VOUCHERS = limit(0, 9);
/** Rows of one imported file the 会计 names a contract for (each link is a few dozen bytes of the call's 100 KB). */
export const LEDGER_IMPORT_RENT = limit(0, 1000);

// ---- Disclosure (一季一晒) ----

/** A disclosure's title. */
export const DISCLOSURE_TITLE = limit(1, 80);
/** One paragraph of a disclosure's body. */
export const DISCLOSURE_PARAGRAPH = limit(1, 5000);
/** Paragraphs and tables in one disclosure body, together. */
export const DISCLOSURE_BLOCKS = limit(1, 50);
/** One cell of a disclosure table. */
export const TABLE_CELL = limit(0, 200);
/** Columns of a disclosure table. */
export const TABLE_COLUMNS = limit(1, 12);
/** Rows of a disclosure table: a 3,000-person village's subsidy list fits. */
export const TABLE_ROWS = limit(0, 3000);
/** Why a published disclosure is corrected or redacted: shown to villagers. */
export const DISCLOSURE_REASON = limit(4, 300);
/** Why the 监委会 returns a submitted disclosure to the 两委. */
export const REVIEW_RETURN_REASON = limit(2, 300);
/** A villager's optional comment with their rating of a quarter's disclosure. */
export const RATING_COMMENT = limit(1, 300);
/** A 督办 follow-up item, and the result written when it is closed. */
export const FOLLOW_UP = limit(4, 300);
/** A township catalog item's name. */
export const CATALOG_TITLE = limit(2, 40);
/** The name an ad hoc (专项) disclosure's id is made from (`adhoc-<name>`). */
export const ADHOC_NAME = limit(1, 40);

// ---- Villages, people, identity ----

/** Why a village's poster code is disabled or a new one issued (recorded in the code history). */
export const CODE_REASON = limit(2, 200);
/** Why a villager's phone binding is undone (换绑). */
export const REBIND_REASON = limit(4, 200);
/** Why the 监委会 looks at a household's entries (我家): recorded, and told to the household. */
export const HOUSEHOLD_LOOK_REASON = limit(4, 200);
/** Why a roster import needs the township's approval. */
export const ROSTER_REASON = limit(4, 200);
/** The note with a refusal: of a binding request (监委会) or a roster import (township). */
export const REFUSAL_NOTE = limit(2, 200);
/** A township staff member's name, as the admin invites them. */
export const STAFF_NAME = limit(1, 20);
/** The code a township staff member is invited with: exactly this many letters and digits. */
export const INVITE_CODE = { length: 8 } as const;

// ---- 三资: assets, resources, contracts ----

/** An asset's or a piece of land's name as the 台账 writes it (村委办公楼, 东洼耕地). */
export const ASSET_NAME = limit(2, 40);
/** Where it is, who keeps it, the counterparty's name, a bidder's name. */
export const ASSET_PLACE = limit(0, 60);
export const ASSET_KEEPER = limit(0, 20);
export const CONTRACT_PARTY = limit(2, 60);
/** A note on a record, the reason for a negotiated award, a decision's note. */
export const ASSET_NOTE = limit(0, 300);
export const AWARD_REASON = limit(4, 300);
/** Why a record changed, or a contract ended early. */
export const ASSET_CHANGE_REASON = limit(4, 200);
/** Bids recorded for one 公开竞价. */
export const AWARD_BIDS = limit(1, 30);
/** Photos of one asset. */
export const ASSET_PHOTOS = limit(0, 6);
/** An answer to a warning, or the words it is closed with. */
export const WARNING_TEXT = limit(4, 300);
