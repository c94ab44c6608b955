import type { Role } from '../../../types/roles';
import { CADRES, SUPERVISORS, type Rule } from '../shared/policy';

const TOWNSHIP = ['township_admin', 'township_discipline'] as const;

/** Who may run each of 码上监督's actions: the dispatcher refuses anything not allowed here. */
export const ticketPolicy = {
  // Photos for a report: anyone signed in, checked like any attachment.
  upload: { allow: 'anyone' },
  ask: { allow: ['villager'], scope: 'village' },
  // Reports and suggestions: anyone signed in — named ones need verification, checked in the service.
  file: { allow: 'anyone' },
  queue: { allow: [...SUPERVISORS, ...TOWNSHIP], scope: 'village' },
  triage: { allow: SUPERVISORS, scope: 'village' },
  assignees: { allow: SUPERVISORS, scope: 'village' },
  // Whoever a 小事 was handed to, whatever their role: checked against the ticket in the service.
  assigned: { allow: 'anyone' },
  township: { allow: TOWNSHIP, scope: 'township' },
  // 大事 go to the township, which answers them there; a 小事's assignee answers it too (checked in the service).
  answer: { allow: [...SUPERVISORS, ...TOWNSHIP], scope: 'village' },
  rate: { allow: 'anyone' },
  close: { allow: [...SUPERVISORS, ...TOWNSHIP], scope: 'village' },
  // Who filed an anonymous report: the township discipline admin only, and every look is audited.
  reveal: { allow: ['township_discipline'], scope: 'township' },
  mine: { allow: 'anyone' },
  stats: { allow: 'anyone' },
  board: { allow: 'anyone' },
  markPublic: { allow: SUPERVISORS, scope: 'village' },
  second: { allow: ['villager'], scope: 'village' },
} satisfies Record<string, Rule>;

/**
 * Roles whose holders a 小事 can be handed to: people the village already answers through.
 * The order is the order the 监委会 sees them in.
 */
export const ASSIGNABLE: Role[] = [...CADRES, ...SUPERVISORS, 'finance_panel'];
