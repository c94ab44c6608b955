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
  birthMonth: string;
  /** The day they turn 18: adulthood is judged at the date that matters (e.g. a vote). */
  adultOn: string;
  householdNo: string;
  relation: string;
  isHouseholdHead: boolean;
  group: string;
  phoneMasked: string | null;
  partyMember: boolean;
  representative: boolean;
  lowIncome: boolean;
  activeSoldier: boolean;
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

export function nameKey(name: string): string {
  return name.replace(/\s/g, '');
}
