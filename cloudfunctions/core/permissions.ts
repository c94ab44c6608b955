import type { ActionKey, ActionName, FunctionName } from '../../types/api';
import type { Role } from '../../types/roles';
import { assetsPolicy } from './assets/api';
import { disclosurePolicy } from './disclosure/api';
import { financePolicy } from './finance/api';
import { householdPolicy } from './household/api';
import { identityFunctionPolicy } from './identity/api';
import { mattersPolicy } from './matters/api';
import { plainPolicy } from './plain/api';
import { rosterFunctionPolicy } from './people/api';
import type { PolicyTable, Rule } from './shared/policy';
import { ticketPolicy } from './tickets/api';
import { villagePolicy } from './village/api';

/**
 * Every function's policy table, by function name: the very objects each function definition's
 * dispatcher holds (core/<cap>/index.ts), so what the app is told it may do and what the server
 * lets it do cannot drift. Typed against the contract: a table missing an action fails here.
 */
export type PolicyTables = { [F in FunctionName]: PolicyTable<ActionName<F>> };

export const POLICIES: PolicyTables = {
  village: villagePolicy,
  roster: rosterFunctionPolicy,
  identity: identityFunctionPolicy,
  disclosure: disclosurePolicy,
  tickets: ticketPolicy,
  finance: financePolicy,
  matters: mattersPolicy,
  assets: assetsPolicy,
  household: householdPolicy,
  plain: plainPolicy,
};

/** Where the roles are held: in a village (roster roles, and township roles over its township) or in a township. */
export type Scope = 'village' | 'township';

function allows(rule: Rule, roles: readonly Role[], scope: Scope): boolean {
  if (rule.allow === 'anyone') return true;
  return rule.scope === scope && rule.allow.some((r) => roles.includes(r));
}

/**
 * The actions these roles may call where they hold them: every `anyone` action, and those whose
 * rule names one of the roles for that scope. It answers what the policy tables say; checks that
 * need the stored record (is the month closed? is this the ticket's assignee?) stay in the service.
 */
export function allowedActions(roles: readonly Role[], scope: Scope, tables: PolicyTables = POLICIES): ActionKey[] {
  const keys: ActionKey[] = [];
  for (const fn of Object.keys(tables) as FunctionName[]) {
    const table: Record<string, Rule> = tables[fn];
    for (const [action, rule] of Object.entries(table)) {
      // The key is built from the contract's own names: PolicyTables ties each table to its function's actions.
      if (allows(rule, roles, scope)) keys.push(`${fn}.${action}` as ActionKey);
    }
  }
  return keys;
}

/**
 * What township roles reach: the township's own actions there, and the village actions they hold in
 * each of its villages (an action has one scope, so the two lists never name the same action twice
 * except the `anyone` ones).
 */
export function townshipActions(roles: readonly Role[], tables: PolicyTables = POLICIES): ActionKey[] {
  return [...new Set([...allowedActions(roles, 'township', tables), ...allowedActions(roles, 'village', tables)])];
}
