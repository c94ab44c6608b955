import { CADRES, type Rule, SUPERVISORS } from '../shared/policy';

// Who may do what with the village's 三资 registers: the assets function's whole table.

/** The 会计 keeps the registers and contracts, as the books. */
const ENTRY = ['accountant'] as const;
const TOWNSHIP = ['township_admin', 'township_discipline'] as const;

export const assetsPolicy = {
  // Every record is public to the village: whoever scanned its code reads them.
  village: { allow: 'anyone' },
  contract: { allow: 'anyone' },
  addAsset: { allow: ENTRY, scope: 'village' },
  updateAsset: { allow: ENTRY, scope: 'village' },
  addResource: { allow: ENTRY, scope: 'village' },
  updateResource: { allow: ENTRY, scope: 'village' },
  addContract: { allow: ENTRY, scope: 'village' },
  renewContract: { allow: ENTRY, scope: 'village' },
  terminateContract: { allow: ENTRY, scope: 'village' },
  rentTargets: { allow: ENTRY, scope: 'village' },
  // The 两委 say what they did (续签, 招标, 催收); the 监委会 may answer too, and only it closes.
  answerWarning: { allow: [...CADRES, ...SUPERVISORS], scope: 'village' },
  closeWarning: { allow: SUPERVISORS, scope: 'village' },
  township: { allow: TOWNSHIP, scope: 'township' },
  settings: { allow: TOWNSHIP, scope: 'township' },
  updateSettings: { allow: ['township_admin'], scope: 'township' },
  // The 会计 imports the 台账 as they enter it by hand; the 两委 draft the quarter's 三资公开, as the 财务 items.
  previewImport: { allow: ENTRY, scope: 'village' },
  commitImport: { allow: ENTRY, scope: 'village' },
  draftDisclosure: { allow: CADRES, scope: 'village' },
} satisfies Record<string, Rule>;
