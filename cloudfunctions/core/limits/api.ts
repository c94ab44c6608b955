// Per-account allowances (rate limits): the one face capabilities import. Owned by none, used by
// many, so they count in one collection (attempts) with one way of saying "try again later".
// A villager's write counted in the same transaction as the write itself (votes, ratings, 附议).
export { limitedTransaction } from './ratelimit';
// Every PDF made counts against the account's print allowance.
export { countPrint } from './ratelimit';
// Limits counted on their own, before the write (tickets, staff invite codes), and their numbers.
export { accountKeyOf, consume, WRITE_LIMITS } from './ratelimit';
// Verification tries by name and ID number (identity's binding).
export { attemptsLeft, consumeAttempt } from './ratelimit';
