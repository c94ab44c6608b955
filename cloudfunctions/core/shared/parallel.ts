import pLimit from 'p-limit';

/**
 * How many store or WeChat requests one call keeps in flight. On CloudBase every request is a
 * network round trip (milliseconds each), so 3,000 writes one after another outlast a function's
 * timeout; twenty at a time fit, and stay well inside an environment's connection limits.
 */
export const IN_FLIGHT = 20;

/** `fn` over every item, at most `limit` at a time; resolves with the results in order. */
export async function inParallel<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>, limit = IN_FLIGHT): Promise<R[]> {
  const run = pLimit(limit);
  return Promise.all(items.map((item, i) => run(() => fn(item, i))));
}
