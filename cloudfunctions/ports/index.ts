import type { Caller } from './caller';
import type { Clock } from './clock';
import type { CodeMaker } from './code-maker';
import type { ContentCheck } from './content-check';
import type { DocStore } from './docstore';
import type { Files } from './files';
import type { Notifier } from './notifier';
import type { PhoneNumbers } from './phone-numbers';

export * from './caller';
export * from './clock';
export * from './code-maker';
export * from './content-check';
export * from './docstore';
export * from './files';
export * from './notifier';
export * from './phone-numbers';

/** What a use case may touch. Adapters fill it in per host (CloudBase or local). */
export interface Ports {
  store: DocStore;
  clock: Clock;
  caller: Caller;
  /** Key for hashing ID numbers (HMAC). From the environment in production; generated locally. */
  idKey: string;
  /**
   * AUDIT_SIGNING_KEY: the Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints. Never in
   * the database; from the environment in production, generated into DATA_DIR locally. Absent:
   * heads go unsigned.
   */
  signingKey?: string;
  files: Files;
  notifier: Notifier;
  contentCheck: ContentCheck;
  codeMaker: CodeMaker;
  /** Phone numbers WeChat verified (village verification); absent where there is no way to ask. */
  phones?: PhoneNumbers;
}
