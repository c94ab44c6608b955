import type { Ports } from '../../ports';
import { C } from '../collections';
import { AppError } from '../shared/errors';

interface AttemptDoc {
  _id: string;
  times: string[];
  [k: string]: unknown;
}

export const VERIFY_LIMIT = 5;
const WINDOW_MS = 60 * 60 * 1000;

function recent(times: string[] | undefined, now: Date): string[] {
  const since = now.getTime() - WINDOW_MS;
  return (times ?? []).filter((t) => Date.parse(t) > since);
}

/** How many failed attempts this key has left in the rolling hour. */
export async function attemptsLeft(ports: Ports, key: string): Promise<number> {
  const doc = await ports.store.collection<AttemptDoc>(C.attempts).get(key);
  return Math.max(VERIFY_LIMIT - recent(doc?.times, ports.clock.now()).length, 0);
}

export async function assertNotLimited(ports: Ports, key: string): Promise<void> {
  if ((await attemptsLeft(ports, key)) === 0) {
    throw new AppError('RATE_LIMITED', '尝试次数太多了，请一小时后再试；如果确认信息无误，请联系村务监督委员会核对花名册。');
  }
}

/** Counts a failed attempt against each key, atomically. */
export async function recordFailure(ports: Ports, keys: string[]): Promise<void> {
  const now = ports.clock.now();
  await ports.store.transaction(async (tx) => {
    for (const key of keys) {
      const doc = await tx.get<AttemptDoc>(C.attempts, key);
      await tx.set(C.attempts, key, { times: [...recent(doc?.times, now), now.toISOString()] });
    }
  });
}
