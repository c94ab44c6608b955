export type { PersonDoc, PersonFields } from '../shared/records';
import type { RosterApprovalItem } from '../../../types/roster';
import { createHmac } from 'node:crypto';
import { seal, unseal } from '../shared/sealed';
import type { PersonFields } from '../shared/records';

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
export interface ApprovalDoc
  extends Pick<
    RosterApprovalItem,
    | 'villageId'
    | 'villageName'
    | 'fileName'
    | 'mode'
    | 'reasons'
    | 'requestReason'
    | 'requestedBy'
    | 'requestedAt'
    | 'rosterSize'
    | 'fileRows'
    | 'added'
    | 'removing'
    | 'losingVote'
    | 'note'
    | 'decidedBy'
    | 'expiresAt'
  > {
  _id: string;
  townshipId: string;
  fileHash: string;
  requestedByOpenid: string | null;
  affectedDigest: string;
  /** Stored states; the view adds `expired` and `changed`, which it works out on reading. */
  state: 'pending' | 'approved' | 'rejected' | 'used';
  decidedAt: string | null;
  usedAt: string | null;
  [k: string]: unknown;
}
