import type { Role } from './roles';

/** Contract of the `roster` cloud function (村民花名册). */

export interface RosterFileInput {
  villageId: string;
  /** Ends with .xlsx or .csv */
  fileName: string;
  /** The uploaded file (storage file id under incoming/<village>/roster/). */
  fileId: string;
}

/**
 * 补充与更新 (merge, the default): adds and updates, removes nobody. 全量替换 (replace): the file
 * is the whole roster, and whoever it does not list leaves it.
 */
export type RosterImportMode = 'merge' | 'replace';

export interface RosterCommitInput extends RosterFileInput {
  /** Defaults to merge. */
  mode?: RosterImportMode;
  /** 全量替换 that removes anyone: the number of people it removes, typed by the cadre. */
  confirm?: string;
}

export interface RosterApprovalRequestInput extends RosterFileInput {
  mode: RosterImportMode;
  /** Why the village needs this import, for the township admin. */
  reason: string;
}

export interface RosterRowError {
  row: number;
  column?: string;
  message: string;
}

/** A 15-digit ID made 18, a signature line skipped: read, but worth telling. */
export type RosterRowNote = RosterRowError;

/** A person an import would take off the roster or out of this village's votes. */
export interface RosterPersonRef {
  name: string;
  idMasked: string;
  householdNo: string;
  /** Offices held (书记, 会计, 监委会…). */
  assignedRoles: Role[];
  /** The caller themself. */
  isCaller: boolean;
}

/** A person of the file whose ID is already on another village's roster in the township. */
export interface RosterCrossVillage {
  row: number;
  name: string;
  idMasked: string;
  otherVillageName: string;
  /**
   * Whether the other roster gives the same name (ignoring spaces). Only yes or no: the other
   * village's spelling is theirs, and an ID typed into a file should not look it up.
   */
  sameName: boolean;
  /** Where this file puts their 户籍. */
  hukouHere: boolean;
  /** Where the other village's roster puts it. */
  otherHukouHere: boolean;
}

export type RosterApprovalState = 'pending' | 'approved' | 'rejected' | 'used' | 'expired' | 'changed';

/** The township's answer about this very file and mode. */
export interface RosterApprovalView {
  id: string;
  state: RosterApprovalState;
  /** The township admin's note (why not, or any condition). */
  note: string | null;
  decidedBy: string | null;
  /** An approval can be used once, until then. */
  expiresAt: string | null;
}

export interface RosterModeCheck {
  /** Null when a cadre may go ahead; otherwise why the township admin must confirm, naming people. */
  needsTownship: string | null;
  approval: RosterApprovalView | null;
  /** What a 全量替换 asks to be typed (the number removed); null when nothing is removed. */
  confirmText: string | null;
}

export interface RosterPreview {
  /** Rows read as people (title, header and signature rows not counted). */
  total: number;
  errors: RosterRowError[];
  notes: RosterRowNote[];
  /** The row with the column names, below any title rows. */
  headerRow: number;
  /** Each column read: as the file names it, and as what. */
  columns: { header: string; as: string }[];
  /** Whether the file says where each person's 户籍 is (a 户籍在本村 or 户籍所在村 column). */
  hasHukou: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** On the roster but not in the file: kept by 补充与更新, removed by 全量替换. */
  notListed: number;
  /** Them by name (up to 1,000). */
  notListedPeople: RosterPersonRef[];
  /** Staying, but the file puts their 户籍 in another village: no vote in this village's 村民会议. */
  losingVote: RosterPersonRef[];
  crossVillage: RosterCrossVillage[];
  modes: Record<RosterImportMode, RosterModeCheck>;
}

export interface RosterImportResult {
  imported: number;
  added: number;
  updated: number;
  removed: number;
  mode: RosterImportMode;
}

/** An import waiting for (or given) the township admin's confirmation, as the township sees it. */
export interface RosterApprovalItem {
  id: string;
  villageId: string;
  villageName: string;
  fileName: string;
  mode: RosterImportMode;
  /** Why it needs the township (the same words the cadre was refused with). */
  reasons: string[];
  /** Why the village asks. */
  requestReason: string;
  requestedBy: string;
  requestedAt: string;
  rosterSize: number;
  fileRows: number;
  added: number;
  removing: RosterPersonRef[];
  losingVote: RosterPersonRef[];
  state: RosterApprovalState;
  note: string | null;
  decidedBy: string | null;
  expiresAt: string | null;
}

export interface RosterDecideInput {
  townshipId: string;
  approvalId: string;
  approve: boolean;
  /** Required to turn a request down: the village reads it. */
  note?: string;
}

/** Someone on two or more villages' rosters in the township. */
export interface CrossVillagePerson {
  idMasked: string;
  villages: { villageId: string; villageName: string; name: string; hukouHere: boolean }[];
  /**
   * one: exactly one village holds their 户籍 (they vote there); none: no village says it does;
   * several: more than one does, and until that is put right they vote in none of them.
   */
  hukou: 'one' | 'none' | 'several';
}

export interface RosterListInput {
  villageId: string;
  page?: number;
}

export interface RosterPerson {
  id: string;
  name: string;
  gender: '男' | '女';
  idMasked: string;
  householdNo: string;
  relation: string;
  group: string;
  flags: string[];
  verified: boolean;
  /** Roles given by the village or township (书记, 会计, 监委会…). */
  assignedRoles: Role[];
}

export interface RosterList {
  total: number;
  page: number;
  pageSize: number;
  people: RosterPerson[];
}

export interface RosterApi {
  previewImport: { input: RosterFileInput; output: RosterPreview };
  commitImport: { input: RosterCommitInput; output: RosterImportResult };
  requestApproval: { input: RosterApprovalRequestInput; output: RosterApprovalView };
  approvals: { input: { townshipId: string }; output: { approvals: RosterApprovalItem[] } };
  decideApproval: { input: RosterDecideInput; output: RosterApprovalItem };
  crossVillage: { input: { townshipId: string }; output: { people: CrossVillagePerson[] } };
  list: { input: RosterListInput; output: RosterList };
}
