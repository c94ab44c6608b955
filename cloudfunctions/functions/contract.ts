/**
 * The routers against the contract: each function's zod inputs and service outputs must be the
 * ones types/api.ts promises the app. Types only — nothing here runs. A drift (a schema that
 * widens a field, an action missing on either side, a service answering something else) fails
 * `npm run typecheck` naming the action; tests/build/contract.test.ts shows it does.
 */
import type { z } from 'zod';
import type { Api, FunctionName } from '../../types/api';
import type { ActionDef } from '../core/shared/dispatch';
import type { assetsFunction } from '../core/assets';
import type { disclosureFunction } from '../core/disclosure';
import type { financeFunction } from '../core/finance';
import type { householdFunction } from '../core/household';
import type { identityFunction } from '../core/identity';
import type { mattersFunction } from '../core/matters';
import type { plainFunction } from '../core/plain';
import type { rosterFunction } from '../core/people';
import type { ticketsFunction } from '../core/tickets';
import type { villageFunction } from '../core/village';

type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;

/** Per action: 'ok', or what drifted. Inputs must match both ways; outputs must fit the promise. */
type Report<F extends FunctionName, Actions> = {
  [A in keyof Actions | keyof Api[F]]: A extends keyof Actions
    ? A extends keyof Api[F]
      ? Actions[A] extends ActionDef<infer S, infer O>
        ? Api[F][A] extends { input: infer I; output: infer R }
          ? Same<z.input<S>, I> extends true
            ? [O] extends [R]
              ? 'ok'
              : 'output differs from types/api.ts'
            : 'input differs from types/api.ts'
          : 'contract entry has no input/output'
        : 'not an action'
      : 'not in types/api.ts'
    : 'in types/api.ts but not implemented';
};

/** The actions that drifted, with why; must be empty. */
export type Drift<F extends FunctionName, Actions> = {
  [A in keyof Report<F, Actions> as Report<F, Actions>[A] extends 'ok' ? never : A]: Report<F, Actions>[A];
};

/** Compiles only when nothing drifted; the error names each drifted action and why. */
export type NoDrift<T extends Record<string, never>> = T;

export type Contract = [
  NoDrift<Drift<'village', typeof villageFunction.actions>>,
  NoDrift<Drift<'roster', typeof rosterFunction.actions>>,
  NoDrift<Drift<'identity', typeof identityFunction.actions>>,
  NoDrift<Drift<'disclosure', typeof disclosureFunction.actions>>,
  NoDrift<Drift<'tickets', typeof ticketsFunction.actions>>,
  NoDrift<Drift<'finance', typeof financeFunction.actions>>,
  NoDrift<Drift<'matters', typeof mattersFunction.actions>>,
  NoDrift<Drift<'assets', typeof assetsFunction.actions>>,
  NoDrift<Drift<'plain', typeof plainFunction.actions>>,
  NoDrift<Drift<'household', typeof householdFunction.actions>>,
];
