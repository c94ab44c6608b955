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

/** Counts one attempt, refusing it (and writing nothing) when the hour's allowance is used up. */
export function consumeAttempt(ports: Ports, key: string): Promise<void> {
  return consume(ports, key, VERIFY_LIMIT, WINDOW_MS, '尝试次数太多了，请一小时后再试；如果确认信息无误，请联系村务监督委员会核对花名册。');
}

/** A rolling-window allowance per key, counted atomically: the (limit + 1)-th call in the window is refused. */
export async function consume(ports: Ports, key: string, limit: number, windowMs: number, message: string): Promise<void> {
  const now = ports.clock.now();
  await ports.store.transaction(async (tx) => {
    const doc = await tx.get<AttemptDoc>(C.attempts, key);
    const since = now.getTime() - windowMs;
    const times = (doc?.times ?? []).filter((t) => Date.parse(t) > since);
    if (times.length >= limit) throw new AppError('RATE_LIMITED', message);
    await tx.set(C.attempts, key, { times: [...times, now.toISOString()] });
  });
}
