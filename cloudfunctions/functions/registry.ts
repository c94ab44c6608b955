import { assetsFunction } from '../core/assets';
import { disclosureFunction } from '../core/disclosure';
import { financeFunction } from '../core/finance';
import { householdFunction } from '../core/household';
import { identityFunction } from '../core/identity';
import { mattersFunction } from '../core/matters';
import { plainFunction } from '../core/plain';
import { rosterFunction } from '../core/people';
import { ticketsFunction } from '../core/tickets';
import { villageFunction } from '../core/village';
import type { FunctionDef, ActionMap } from '../core/shared/dispatch';

/** Every deployable function by name; the local host mounts the same definitions. */
export const functions: Record<string, FunctionDef<ActionMap>> = {
  village: villageFunction,
  roster: rosterFunction,
  identity: identityFunction,
  disclosure: disclosureFunction,
  tickets: ticketsFunction,
  finance: financeFunction,
  matters: mattersFunction,
  assets: assetsFunction,
  plain: plainFunction,
  household: householdFunction,
};
