import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';

// Who may do what with the village's books: every table the finance function's policy is made of.

const ENTRY = ['accountant'] as const;
/** 民主理财小组 and the 监委会 review and sign. */
const PANEL = ['finance_panel', ...SUPERVISORS] as const;
/** Who sees months before they are published: the 两委, the panel and the 监委会. */
export const INSIDERS = [...CADRES, ...PANEL];

export const ledgerPolicy = {
  accounts: { allow: 'anyone' },
  addRow: { allow: ENTRY, scope: 'village' },
  removeRow: { allow: ENTRY, scope: 'village' },
  previewImport: { allow: ENTRY, scope: 'village' },
  commitImport: { allow: ENTRY, scope: 'village' },
  mapAccount: { allow: ENTRY, scope: 'village' },
  closeMonth: { allow: ENTRY, scope: 'village' },
  reopenMonth: { allow: ENTRY, scope: 'village' },
  answerQuery: { allow: ENTRY, scope: 'village' },
  queryRow: { allow: PANEL, scope: 'village' },
  sign: { allow: PANEL, scope: 'village' },
  // Published months are public; open and closed ones only to the 两委, the panel and the 监委会.
  months: { allow: 'anyone' },
  month: { allow: 'anyone' },
} satisfies Record<string, Rule>;

export const reportPolicy = {
  report: { allow: 'anyone' },
  // Published months are public: which of them exist is too.
  years: { allow: 'anyone' },
  money: { allow: 'anyone' },
  // Anyone signed in: remembers when this account last looked, for "自上次查看以来".
  seen: { allow: 'anyone' },
  exportMonth: { allow: 'anyone' },
  fillDisclosure: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;

export const statementPolicy = {
  // Whoever may see the period: a published month anyone signed in, one not yet published only
  // the 两委, the 民主理财小组 and the 监委会 — monthView decides, as for the ledger pages.
  statementPdf: { allow: 'anyone' },
} satisfies Record<string, Rule>;

/** The finance function's whole table. */
export const financePolicy = { ...ledgerPolicy, ...reportPolicy, ...statementPolicy };
