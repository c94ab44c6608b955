// The roster's rules as plain functions: no ports, no store, no clock of their own. (What needs
// the township's confirmation is in guard.ts; reading a file's rows and ID numbers in roster.ts,
// columns.ts and idcard.ts.)
import type { CrossVillagePerson, RosterApprovalView, RosterImportMode } from '../../../types/roster';
import { hukouHere, type ApprovalDoc, type PersonDoc } from './model';
import type { PersonDraft } from './roster';

/** The fields an import sets; roles and account bindings survive a re-import. */
const IMPORTED_FIELDS: (keyof PersonDraft)[] = [
  'name',
  'nameKey',
  'gender',
  'idMasked',
  'sealed',
  'householdNo',
  'relation',
  'isHouseholdHead',
  'group',
  'phoneMasked',
  'phoneHash',
  'partyMember',
  'representative',
  'lowIncome',
  'activeSoldier',
];
/** Set only by a file that has a 户籍 column: without one, an import leaves 户籍 as it was. */
const HUKOU_FIELDS: (keyof PersonDraft)[] = ['hukouHere', 'hukouPlace'];

/** 户籍 as a record written before the column existed reads it: here, no place named. */
const hukouValue = (p: Partial<PersonDraft>, f: keyof PersonDraft) => (f === 'hukouHere' ? p.hukouHere !== false : (p.hukouPlace ?? null));

/** Whether importing `after` over `before` writes anything: a person off the roster always comes back. */
export function changedBy(before: PersonDoc, after: PersonDraft): boolean {
  return (
    !before.inRoster ||
    IMPORTED_FIELDS.some((f) => before[f] !== after[f]) ||
    HUKOU_FIELDS.some((f) => after[f] !== undefined && hukouValue(before, f) !== hukouValue(after, f))
  );
}

/** What an import writes on a person. Undefined fields stay out of the write: a file without a 户籍 column leaves 户籍 as it was. */
export const importPatch = ({ _id: _ignored, ...fields }: PersonDraft, at: string) => ({
  ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<PersonDraft, '_id'>),
  inRoster: true,
  importedAt: at,
});

/** One approval per village, mode and file: asking again for the same file finds it. */
export const approvalIdOf = (villageId: string, mode: RosterImportMode, fileHash: string) => `${villageId}:${mode}:${fileHash}`;

/** The state as the person reads it now: an approval past its time has expired. */
export function approvalStateOf(doc: ApprovalDoc, now: Date, digest?: string): RosterApprovalView['state'] {
  if (doc.state !== 'approved') return doc.state;
  if (!doc.expiresAt || doc.expiresAt <= now.toISOString()) return 'expired';
  if (digest !== undefined && digest !== doc.affectedDigest) return 'changed';
  return 'approved';
}

/** Where a person on several rosters votes: in one village, in none, or (to put right first) in several. */
export function hukouState(villages: CrossVillagePerson['villages']): CrossVillagePerson['hukou'] {
  const n = villages.filter((v) => v.hukouHere).length;
  return n === 1 ? 'one' : n === 0 ? 'none' : 'several';
}

const FLAGS: [(p: PersonDoc) => boolean, string][] = [
  [(p) => p.partyMember, '党员'],
  [(p) => p.representative, '村民代表'],
  [(p) => p.lowIncome, '低保户'],
  [(p) => p.activeSoldier, '现役军人'],
  // Said in words on the list: they do not vote in this village's 村民会议.
  [(p) => !hukouHere(p), '户籍不在本村'],
];

/** The words beside a person on the roster list. */
export const rosterFlags = (p: PersonDoc): string[] => FLAGS.filter(([f]) => f(p)).map(([, label]) => label);
