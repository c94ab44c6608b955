import { type Rule, SUPERVISORS } from '../shared/policy';

// Who may look at a household's entries: the household function's whole table.

export const householdPolicy = {
  // A verified villager, for their own household only (the service finds it from the caller).
  mine: { allow: ['villager'], scope: 'village' },
  // The 监委会, with a reason that goes on the village's audit chain and to the household.
  inspect: { allow: SUPERVISORS, scope: 'village' },
} satisfies Record<string, Rule>;
