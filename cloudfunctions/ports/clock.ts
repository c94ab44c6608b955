/** Time is a port so deadlines and quarters can be tested at any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests (and the local host, for demos) can move. */
export class MovableClock implements Clock {
  private offsetMs = 0;
  constructor(private fixed?: Date) {}
  now(): Date {
    const base = this.fixed ? this.fixed.getTime() : Date.now();
    return new Date(base + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(date: Date): void {
    this.fixed = date;
    this.offsetMs = 0;
  }
}

/**
 * A clock that reads `start` at the moment it is made and then runs at the machine's rate:
 * a demo or a browser test pinned to a date still sees a ticket filed after another one.
 */
export class StartedClock implements Clock {
  private readonly offsetMs: number;
  constructor(
    start: Date,
    private readonly real: () => number = Date.now,
  ) {
    this.offsetMs = start.getTime() - real();
  }
  now(): Date {
    return new Date(this.real() + this.offsetMs);
  }
}

/** The local tools' clock: the pinned instant (then running) when one is given, else the machine's. */
export function clockFrom(pinned: string | undefined): Clock {
  return pinned ? new StartedClock(parsePinnedNow(pinned)) : systemClock;
}

/** ISO-8601 with a date, a time and an explicit offset: `2027-03-31T23:59:00+08:00`. */
const PINNED = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * `SUNLIT_NOW` for the local host. An offset is required: "2027-03-31T23:59" alone would mean
 * a different instant on a server in another zone, which is what pinning is meant to rule out.
 */
export function parsePinnedNow(value: string): Date {
  const m = PINNED.exec(value);
  const d = new Date(value);
  // Date accepts 2027-02-30 and rolls it into March; the wall-clock date read back must match.
  const offsetMin = m && m[6] !== 'Z' ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  const wall = Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() + offsetMin * 60_000).toISOString();
  if (!m || wall.slice(0, 10) !== m[1] || wall.slice(11, 16) !== `${m[2]}:${m[3]}`) {
    throw new Error(`SUNLIT_NOW 的格式应为带时区的 ISO-8601 时间，例如 2027-03-31T23:59:00+08:00（收到“${value}”）。`);
  }
  return d;
}
