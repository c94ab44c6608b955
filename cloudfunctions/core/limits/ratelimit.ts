import type { Ports } from '../../ports';
import type { Transaction } from '../../ports/docstore';
import { C } from '../collections';
import { sha256 } from '../shared/digest';
import { AppError, fail } from '../shared/errors';

interface AttemptDoc {
  _id: string;
  times: string[];
  [k: string]: unknown;
}

export const VERIFY_LIMIT = 5;
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WINDOW_MS = HOUR;

/** A refusal's message, given when the caller may try again ("7 分钟后", "3 小时后"). */
type Message = string | ((when: string) => string);

/**
 * Per-account allowances for the writes a villager or visitor can make that had none, each in its
 * own rolling window. Each of these happens once per person per thing (one ballot per meeting, one
 * co-signature per proposal, one rating per quarter or answer, one 附议 per suggestion), so a person
 * stays in single figures even tapping twice on a bad connection; the numbers only stop a script,
 * and one account using its allowance up never touches another's. Counted with the write itself
 * (limitedTransaction); a refused call is counted too, and writes nothing else. Verification,
 * tickets and ticket photos have their own limits where they are counted.
 */
export const WRITE_LIMITS = {
  // A village rarely has more than one or two votes open at once.
  vote: { limit: 30, windowMs: 10 * MINUTE, message: (when: string) => `投票操作太频繁了，请${when}再试。每人每场表决只有一票，已经投上的票不会丢。` },
  cosign: { limit: 30, windowMs: 10 * MINUTE, message: (when: string) => `联名操作太频繁了，请${when}再试。已经联名的不会丢。` },
  second: { limit: 30, windowMs: 10 * MINUTE, message: (when: string) => `附议操作太频繁了，请${when}再试。已经附议的不会丢。` },
  rateQuarter: { limit: 30, windowMs: 10 * MINUTE, message: (when: string) => `评价操作太频繁了，请${when}再试。每人每季度评价一次，已经提交的评价不会丢。` },
  rateAnswer: { limit: 30, windowMs: 10 * MINUTE, message: (when: string) => `评价操作太频繁了，请${when}再试。` },
  // Each proposal is a new matter the whole village sees and is asked to sign; a real proposer
  // brings one or two at a time.
  propose: { limit: 5, windowMs: DAY, message: (when: string) => `每个微信一天最多发起 5 个提议，请${when}再来；也可以先和村两委或村务监督委员会当面商量。` },
  // A township staff member claims one invite; ten tries cover typos, not guessing codes. Unlike
  // the others, every try counts, wrong codes included (counted before the code is looked up).
  claimStaff: { limit: 10, windowMs: HOUR, message: (when: string) => `输入邀请码的次数太多了，请${when}再试，或向镇管理员核对邀请码。` },
  // Every PDF (poster, notice board, statement) is a new file in storage, and published months
  // may be printed by anyone signed in; a clerk printing a township's posters makes a handful.
  print: { limit: 30, windowMs: HOUR, message: (when: string) => `生成打印文件太频繁了，请${when}再试。刚才生成的文件仍然可以打开。` },
} satisfies Record<string, { limit: number; windowMs: number; message: Message }>;

export type WriteLimit = keyof typeof WRITE_LIMITS;

/** The account as rate-limit keys name it: a keyed hash (as tickets keep their askers), never the OPENID. */
export const accountKeyOf = (ports: Ports, openid: string) => sha256(`${ports.idKey}:asker:${openid}`);

/** When, in words, a refused caller may try again: the oldest counted call leaving the window. */
function whenAgain(ms: number): string {
  if (ms <= HOUR) return ` ${Math.max(1, Math.ceil(ms / MINUTE))} 分钟后`;
  if (ms <= DAY) return ` ${Math.ceil(ms / HOUR)} 小时后`;
  return ` ${Math.ceil(ms / DAY)} 天后`;
}

function recent(times: string[] | undefined, now: Date, windowMs = WINDOW_MS): string[] {
  const since = now.getTime() - windowMs;
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

/** A rolling-window allowance per key, counted atomically in its own transaction: the (limit + 1)-th call in the window is refused. */
export async function consume(ports: Ports, key: string, limit: number, windowMs: number, message: Message): Promise<void> {
  const now = ports.clock.now();
  await ports.store.transaction((tx) => consumeIn(tx, now, key, limit, windowMs, message));
}

/**
 * Counts one call against the key's allowance inside the caller's transaction, so the count and
 * the write it guards commit together and parallel calls cannot all slip under the limit. A
 * refusal throws RATE_LIMITED before this writes anything.
 */
export async function consumeIn(tx: Transaction, now: Date, key: string, limit: number, windowMs: number, message: Message): Promise<void> {
  const doc = await tx.get<AttemptDoc>(C.attempts, key);
  const times = recent(doc?.times, now, windowMs);
  if (times.length >= limit) {
    const freeAt = Date.parse(times[times.length - limit]) + windowMs;
    throw new AppError('RATE_LIMITED', typeof message === 'string' ? message : message(whenAgain(freeAt - now.getTime())));
  }
  await tx.set(C.attempts, key, { times: [...times, now.toISOString()] });
}

/**
 * One transaction for a limited write: the call is counted against the account's allowance in the
 * same commit as the write it guards, so an accepted vote still costs one transaction and parallel
 * calls cannot all slip under the limit. A call the write itself refuses (already voted, vote
 * closed) rolls back and is then counted on its own: a script retrying a ballot it cannot cast is
 * what the allowance is there to stop. Nothing else of a refused call is written.
 */
export async function limitedTransaction<R>(ports: Ports, name: WriteLimit, openid: string | null, fn: (tx: Transaction) => Promise<R>): Promise<R> {
  if (!openid) throw fail.unauthenticated();
  const { limit, windowMs, message } = WRITE_LIMITS[name];
  const key = `${name}:${accountKeyOf(ports, openid)}`;
  const now = ports.clock.now();
  try {
    return await ports.store.transaction(async (tx) => {
      await consumeIn(tx, now, key, limit, windowMs, message);
      return fn(tx);
    });
  } catch (e) {
    if (e instanceof AppError && e.code !== 'RATE_LIMITED') {
      // The caller hears why the write was refused; once the allowance is used up, the next
      // call is refused RATE_LIMITED before it reaches the write.
      await consume(ports, key, limit, windowMs, message).catch(() => undefined);
    }
    throw e;
  }
}

/** Counts one PDF made by this account against its allowance (WRITE_LIMITS.print); a caller with no account is refused. */
export async function countPrint(ports: Ports): Promise<void> {
  const openid = ports.caller.openid;
  if (!openid) throw fail.unauthenticated();
  const { limit, windowMs, message } = WRITE_LIMITS.print;
  await consume(ports, `print:${accountKeyOf(ports, openid)}`, limit, windowMs, message);
}
