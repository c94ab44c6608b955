import type { AssetsApi } from './assets';
import type { DisclosureApi } from './disclosure';
import type { FinanceApi } from './finance';
import type { HouseholdApi } from './household';
import type { IdentityApi } from './identity';
import type { MattersApi } from './matters';
import type { PlainApi } from './plain';
import type { RosterApi } from './roster';
import type { TicketsApi } from './tickets';
import type { VillageApi } from './village';

/**
 * Every cloud function, with its actions' input and output types. The typed client in
 * src/services/ and the function routers are both checked against this map.
 */
export interface Api {
  village: VillageApi;
  roster: RosterApi;
  identity: IdentityApi;
  disclosure: DisclosureApi;
  tickets: TicketsApi;
  finance: FinanceApi;
  matters: MattersApi;
  assets: AssetsApi;
  household: HouseholdApi;
  plain: PlainApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer O;
}
  ? O
  : never;

/**
 * One action of one function, as `finance.closeMonth`: what the server says a caller may do
 * (identity's `can`) and what each of the app's menu entries needs.
 */
export type ActionKey = { [F in FunctionName]: `${F}.${ActionName<F>}` }[FunctionName];

/** The body every function receives: `{ action, data }`. */
export interface FunctionEvent {
  action: string;
  data?: unknown;
}
