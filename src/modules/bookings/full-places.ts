/**
 * Places this instance has just seen fill up, to refuse a booking of them at once instead of
 * sending the booking statement only to have PostgreSQL refuse it (under a rush for one place,
 * every loser paid the whole statement and its error). Only ever a refusal sooner: nothing is
 * granted from here, the database's CHECK (taken <= capacity) still decides every booking.
 *
 * A place is remembered as full when the database said so (a booking took its last place, or
 * was refused for it), for at most BOOKING_FULL_PLACE_MEMORY_MS; a place given back through this
 * instance (cancel, expiry, reschedule, a schedule change) or a capacity change is forgotten at
 * once, and so is one freed or re-capacitated through another instance as soon as its broadcast
 * arrives (bookings.places-freed through Redis; missed only while Redis is away, then at most until
 * the memory lapses).
 */
export class FullPlaces {
  private readonly until = new Map<string, number>();
  private readonly turns = new Map<string, Promise<void>>();

  constructor(
    private readonly memoryMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether any of the places was seen full within the memory. */
  anyFull(branchId: string, serviceId: string, places: readonly Date[]): boolean {
    if (this.memoryMs <= 0 || this.until.size === 0) return false;
    const now = this.now();
    for (const p of places) {
      const key = keyOf(branchId, serviceId, p.getTime());
      const until = this.until.get(key);
      if (until === undefined) continue;
      if (until > now) return true;
      this.until.delete(key);
    }
    return false;
  }

  /** The database answered these places (epoch ms) full. */
  full(branchId: string, serviceId: string, places: readonly number[]): void {
    if (this.memoryMs <= 0 || places.length === 0) return;
    const until = this.now() + this.memoryMs;
    if (this.until.size >= MAX_REMEMBERED) this.sweep();
    for (const p of places) this.until.set(keyOf(branchId, serviceId, p), until);
  }

  /** Places given back (or about to be, in a transaction under way): booked normally again. */
  freed(branchId: string, serviceId: string, places: readonly Date[]): void {
    if (this.until.size === 0) return;
    for (const p of places) this.until.delete(keyOf(branchId, serviceId, p.getTime()));
  }

  /** The capacity of the offer changed: nothing of it is known full any more. */
  forgetOffer(branchId: string, serviceId: string): void {
    const prefix = `${branchId}|${serviceId}|`;
    for (const key of this.until.keys()) if (key.startsWith(prefix)) this.until.delete(key);
  }

  /**
   * Bookings of the same start through this instance ask PostgreSQL one after another: while one
   * is under way the next waits, then `fn` runs (and checks `anyFull` again), so a rush for one
   * place sends one statement while the instance does not yet know it is full, not one per
   * request that arrived before the first answer. Only while the memory is on (else in parallel).
   */
  async inTurn<T>(branchId: string, serviceId: string, startsAt: Date, fn: () => Promise<T>): Promise<T> {
    if (this.memoryMs <= 0) return fn();
    const key = keyOf(branchId, serviceId, startsAt.getTime());
    const before = this.turns.get(key);
    let done: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before ? before.then(() => mine) : mine;
    this.turns.set(key, tail);
    try {
      if (before) await before;
      return await fn();
    } finally {
      done();
      if (this.turns.get(key) === tail) this.turns.delete(key);
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
    if (this.until.size >= MAX_REMEMBERED) this.until.clear();
  }
}

/** Bounded: a rush fills few places at a time, and a lapsed entry is worthless. */
const MAX_REMEMBERED = 10_000;

const keyOf = (branchId: string, serviceId: string, at: number) => `${branchId}|${serviceId}|${at}`;
