import { subscriptionPolicy } from '../messages/api';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';

/**
 * Who may do what in 一季一晒, in one place. Deny by default: an action missing here is refused
 * by the dispatcher. Checks that need the stored record (is the item still a draft? is this
 * villager's rating their first this quarter?) are made in the use case itself.
 */

/** Drafting and the 监委会's review. */
export const draftingPolicy = {
  saveDraft: { allow: CADRES, scope: 'village' },
  submit: { allow: CADRES, scope: 'village' },
  submitQuarter: { allow: CADRES, scope: 'village' },
  review: { allow: SUPERVISORS, scope: 'village' },
  // Drafts are private to the 两委 and the 监委会.
  drafts: { allow: [...CADRES, ...SUPERVISORS], scope: 'village' },
  maskDraft: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;

export const attachmentPolicy = {
  upload: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;

/** What is published is public: anyone who scanned the village code reads and checks it. */
export const publicPolicy = {
  quarter: { allow: 'anyone' },
  quarters: { allow: 'anyone' },
  item: { allow: 'anyone' },
  verify: { allow: 'anyone' },
} satisfies Record<string, Rule>;

/** 评 and 督 of 述询评督 (询 is a ticket: see core/tickets). */
export const voicePolicy = {
  // A rating speaks for a villager of this village: verified only, once per person per quarter.
  rate: { allow: ['villager'], scope: 'village' },
  followUpAdd: { allow: SUPERVISORS, scope: 'village' },
  followUpClose: { allow: SUPERVISORS, scope: 'village' },
} satisfies Record<string, Rule>;

/** The township's 公开目录. */
export const catalogPolicy = {
  catalog: { allow: 'anyone' },
  catalogAdd: { allow: ['township_admin'], scope: 'township' },
  catalogRename: { allow: ['township_admin'], scope: 'township' },
  catalogRetire: { allow: ['township_admin'], scope: 'township' },
  township: { allow: ['township_admin', 'township_discipline'], scope: 'township' },
} satisfies Record<string, Rule>;

export const redactPolicy = {
  // The township answers for personal data in what its villages published.
  redact: { allow: ['township_admin'], scope: 'village' },
} satisfies Record<string, Rule>;

export const boardPrintPolicy = {
  // Those who put the quarter up on the 公开栏: the 两委, the 监委会, and the township.
  boardPdf: { allow: [...CADRES, ...SUPERVISORS, 'township_admin', 'township_discipline'], scope: 'village' },
} satisfies Record<string, Rule>;

/**
 * The disclosure function's whole table. Following a village (subscribe, subscription) is
 * messages' use case, mounted here; its rules stay with it (core/messages/follow.ts).
 */
export const disclosurePolicy = {
  ...attachmentPolicy,
  ...draftingPolicy,
  ...publicPolicy,
  ...voicePolicy,
  ...catalogPolicy,
  ...subscriptionPolicy,
  ...redactPolicy,
  ...boardPrintPolicy,
};
