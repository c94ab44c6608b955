import { anyone, CADRES, SUPERVISORS, type Rule } from '../shared/policy';

/**
 * Who may do what with a village, its codes, posters and the township's settings, in one place.
 * Deny by default: an action missing here is refused by the dispatcher.
 */

/** What the posters and the village home say anyway: anyone who scanned a code may read it. */
export const visitorPolicy = {
  resolveCode: anyone,
  // What the posters say already: which village a code was, and which villages there are.
  lapsedCode: anyone,
  directory: anyone,
  get: anyone,
  supervisorPhone: anyone,
  // Sizes and hashes only; a phone of anyone who opened the village keeps a head to check.
  history: anyone,
  historyAlarm: anyone,
  headLink: anyone,
  checkHead: anyone,
} satisfies Record<string, Rule>;

export const homePolicy = {
  home: anyone,
} satisfies Record<string, Rule>;

export const codePolicy = {
  codes: { allow: [...CADRES, ...SUPERVISORS, 'township_admin'], scope: 'village' },
  // A new code means a new poster on the wall: the township decides, as it issued the first.
  issueCode: { allow: ['township_admin'], scope: 'village' },
  disableCode: { allow: ['township_admin'], scope: 'village' },
  poster: { allow: 'anyone' },
  posters: { allow: ['township_admin', 'township_discipline'], scope: 'township' },
} satisfies Record<string, Rule>;

export const printPolicy = {
  // Those who put the poster up: the village's 两委 and 监委会, and the township that issues codes.
  posterPdf: { allow: [...CADRES, ...SUPERVISORS, 'township_admin', 'township_discipline'], scope: 'village' },
  postersPdf: codePolicy.posters,
} satisfies Record<string, Rule>;

export const settingsPolicy = {
  settings: { allow: ['township_admin', 'township_discipline'], scope: 'township' },
  updateSettings: { allow: ['township_admin'], scope: 'township' },
} satisfies Record<string, Rule>;

/** The village function's whole table. */
export const villagePolicy = {
  ...visitorPolicy,
  ...homePolicy,
  ...codePolicy,
  ...printPolicy,
  ...settingsPolicy,
};
