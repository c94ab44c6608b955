import type { Ports } from '../ports';
import type { MovableClock } from '../ports/clock';
import type { DocStore } from '../ports/docstore';

/**
 * What the seed's calls run with: a persona's account on a clock the seed moves, and no files,
 * messages or codes (demo history has none of those).
 */
export function demoPorts(store: DocStore, clock: MovableClock, idKey: string, openid: string): Ports {
  return {
    store,
    clock,
    caller: { openid },
    idKey,
    files: {
      put: () => Promise.reject(new Error('demo history has no files')),
      urls: async (ids) => ids.map(() => ''),
      pathOf: () => null,
      read: async () => null,
      remove: async () => false,
    },
    notifier: { send: async () => {} },
    contentCheck: { check: async () => null },
    codeMaker: { png: () => Promise.reject(new Error('the seed draws no codes')) },
  };
}
