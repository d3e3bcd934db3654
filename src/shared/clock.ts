/**
 * The time every rule is computed from. Production uses the system clock; tests swap in a
 * ManualClock to move through lockouts and expiries without waiting. Rules never call
 * Date.now() or PostgreSQL's now() for decisions.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that follows real time plus an offset the test moves forward. */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** Jumps to `at`; time goes on from there. */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
  reset(): void {
    this.offsetMs = 0;
  }
}
