import type { RosterImportMode, RosterPersonRef } from '../../../types/roster';
import { createHmac } from 'node:crypto';
import { seal, unseal } from '../shared/sealed';
import type { Role } from '../../../types/roles';

/** A person on a village roster. The ID number exists only as a keyed hash and a masked form. */
export interface PersonFields {
  /** `${villageId}:${idHash}`: re-importing the same person lands on the same document. */
  _id: string;
  villageId: string;
  name: string;
  /** Name without spaces, for lookups (查找我的名字, verification). */
  nameKey: string;
  gender: '男' | '女';
  idHash: string;
  idMasked: string;
  /**
   * Birth month and the day they turn 18 (AgeFacts), sealed with a key derived from ID_HASH_KEY:
   * in clear, with the masked ID number, they gave back the whole number. Read with ageFacts().
   */
  sealed: string;
  householdNo: string;
  relation: string;
  isHouseholdHead: boolean;
  group: string;
  phoneMasked: string | null;
  /** The roster's phone as a keyed hash: what a WeChat-verified number is matched against. */
  phoneHash?: string | null;
  partyMember: boolean;
  representative: boolean;
  lowIncome: boolean;
  activeSoldier: boolean;
  /**
   * False when the roster says the person's 户籍 is in another village: they stay on this roster
   * (they live here, take part in asking and rating) but vote in the 村民会议 (and as 户代表) of
   * the village that holds their 户籍 only. Absent on records imported before the column existed:
   * read as true.
   */
  hukouHere?: boolean;
  /** Where the roster says their 户籍 is, when it names another place (e.g. 豆腐李村). */
  hukouPlace?: string | null;
  /** False once a later import no longer lists them (moved away, deceased); kept for history. */
  inRoster: boolean;
  /** Village roles given by the 书记 or the township (书记, 会计, 监委会…). */
  assignedRoles: Role[];
  /** The WeChat account bound to this person, if any. */
  boundOpenid: string | null;
  importedAt: string;
}

export interface PersonDoc extends PersonFields {
  [k: string]: unknown;
}

/**
 * A name as it is matched (verification, 查找我的名字): written as on the roster, but with
 * spaces (some clerks write 杨 德福, or 买买提 艾力), zero-width characters and full-width
 * letters not counting. The name itself is kept as written.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Whether a person counts in this village's 村民会议 and 户代表 votes (their 户籍 is here). */
export const hukouHere = (p: Pick<PersonFields, 'hukouHere'>): boolean => p.hukouHere !== false;

/** A phone number (digits only) as the roster keeps it for matching: keyed, so a copy reveals nothing. */
export function phoneHashOf(idKey: string, phone: string): string {
  return createHmac('sha256', idKey)
    .update(`phone:${phone.replace(/\D/g, '')}`)
    .digest('hex');
}

/** What eligibility needs of a birth date: the month (working age) and the day they turn 18. */
export interface AgeFacts {
  birthMonth: string;
  /** Adulthood is judged at the date that matters (e.g. a vote). */
  adultOn: string;
}

const AGE = 'person-age';

export function sealAgeFacts(idKey: string, personId: string, facts: AgeFacts): string {
  return seal(idKey, AGE, personId, facts);
}

/** A person's age facts, unsealed; records written before sealing still carry them in clear. */
export function ageFacts(idKey: string, p: PersonFields & { birthMonth?: string; adultOn?: string }): AgeFacts {
  if (!p.sealed && p.birthMonth && p.adultOn) return { birthMonth: p.birthMonth, adultOn: p.adultOn };
  return unseal<AgeFacts>(idKey, AGE, p._id, p.sealed);
}

export const isAdultOn = (idKey: string, p: PersonFields, day: string) => ageFacts(idKey, p).adultOn <= day;

/** Age in whole years on `day` from the birth month (the day of birth is not kept). */
export function ageOn(idKey: string, p: PersonFields, day: string): number {
  const [y, m] = ageFacts(idKey, p).birthMonth.split('-').map(Number);
  const [dy, dm] = day.split('-').map(Number);
  return dy - y - (dm < m ? 1 : 0);
}

/** A township approval of one import: this village, this mode, this file, these people. */
export interface ApprovalDoc {
  _id: string;
  villageId: string;
  townshipId: string;
  villageName: string;
  fileName: string;
  fileHash: string;
  mode: RosterImportMode;
  reasons: string[];
  requestReason: string;
  requestedBy: string;
  requestedByOpenid: string | null;
  requestedAt: string;
  rosterSize: number;
  fileRows: number;
  added: number;
  removing: RosterPersonRef[];
  losingVote: RosterPersonRef[];
  affectedDigest: string;
  state: 'pending' | 'approved' | 'rejected' | 'used';
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  usedAt: string | null;
  [k: string]: unknown;
}
