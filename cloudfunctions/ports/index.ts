import type { Caller } from './caller';
import type { Clock } from './clock';
import type { DocStore } from './docstore';

export * from './caller';
export * from './clock';
export * from './docstore';

/** What a use case may touch. Adapters fill it in per host (CloudBase or local). */
export interface Ports {
  store: DocStore;
  clock: Clock;
  caller: Caller;
  /** Key for hashing ID numbers (HMAC). From the environment in production; generated locally. */
  idKey: string;
}
