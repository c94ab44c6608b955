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
