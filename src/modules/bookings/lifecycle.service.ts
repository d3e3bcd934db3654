/**
 * A booking's life: booked with a hold until confirmation, confirmed (reminder scheduled), cancelled
 * or expired (place given back, watchers told), swept (lost expiries, missed visits become
 * NO_SHOW), reminded, and ended by the queue (COMPLETED / NO_SHOW). Places are taken and given back
 * in the same transaction as the booking's change; PostgreSQL's constraints decide every race and
 * the repository answers them as SLOT_TAKEN / OVERLAP / DUPLICATE.
 */
import type { Executor } from '../../db/client.js';
import { randomUUID } from 'node:crypto';
import { outboxRow } from '../../jobs/outbox.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError, ErrorCode, badField, conflict, notFoundText, preconditionFailed } from '../../shared/errors.js';
import { countBookingConflict } from '../../shared/metrics.js';
import type { VisitEnd } from '../queue/index.js';
import type { BookingEffects, BookingsDeps } from './bookings.deps.js';
import { expireBooking } from './bookings.jobs.js';
import { bookingEventRow, recordBookingEvent } from './bookings.webhooks.js';
import * as repo from './bookings.repository.js';
import { insertHold, NUMBER_PENDING } from './bookings.hold.js';
import type { BookingRow } from './bookings.repository.js';
import { CHANGEABLE_STATUSES, MAX_IDEMPOTENCY_KEY_LENGTH, MAX_PURPOSE_LENGTH, noShowCutoff, placesOf } from './bookings.rules.js';
import { notOffered, type Offer, type SlotsService } from './slots.service.js';
import type { SlotWatchesService } from './watches.service.js';
import type { GeneratedSlot } from './slots.js';

export interface BookInput {
  branchId: string;
  serviceId: string;
  startsAt: Date;
  purpose?: string | null;
  /** Booking for the caller's dependant (their child or ward). */
  forDependantId?: string | null;
}

/** Thrown inside the booking's transaction when a concurrent retry with the same key won: the transaction rolls back. */
class DuplicateBooking extends Error {}

export class BookingLifecycleService {
  constructor(
    private readonly deps: BookingsDeps,
    private readonly slots: SlotsService,
    private readonly watches: SlotWatchesService,
    private readonly effects: BookingEffects,
  ) {}

  async book(viewer: Viewer, input: BookInput, idempotencyKey: string | null): Promise<BookingRow> {
    const { db } = this.deps;
    if (idempotencyKey) {
      if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw badField('Idempotency-Key', `Ключ длиннее ${MAX_IDEMPOTENCY_KEY_LENGTH} символов`);
      const existing = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
      if (existing) return existing;
    }
    // Another citizen's dependant (or one who left the account) looks like an unknown one; an unverified one may be booked for.
    const forDependantId = input.forDependantId ? ((await this.deps.dependants.ownActive(viewer.userId, input.forDependantId))?.id ?? null) : null;
    if (input.forDependantId && !forDependantId) throw new AppError(ErrorCode.NOT_FOUND, notFoundText('Член семьи'), { fields: [{ field: 'input.forDependantId', message: notFoundText('Член семьи') }] });
    const offer = await this.slots.bookable(input.branchId, input.serviceId);
    const purpose = input.purpose?.trim() || null;
    if (purpose && purpose.length > MAX_PURPOSE_LENGTH) throw badField('input.purpose', `Не длиннее ${MAX_PURPOSE_LENGTH} символов`);
    // A place this instance has just seen fill up is refused without SQL (full-places.ts), before
    // the schedule is even looked at (under a rush, most requests); the statement decides the rest.
    const full = this.slots.full;
    const asked = placesOf(input.startsAt, new Date(input.startsAt.getTime() + offer.service.appointmentMinutes * 60_000));
    if (full.anyFull(offer.branch.id, offer.service.id, asked)) throw slotTaken();
    const slot = await this.slots.slotAt(offer.branch, offer.service, input.startsAt);
    if (!slot) throw badField('input.startsAt', 'На это время записи нет: выберите время из списка доступных');
    // The slot is the one asked for (same start, the service's length): the same places.
    const knownFull = () => full.anyFull(offer.branch.id, offer.service.id, asked);
    try {
      const booking = await full.inTurn(offer.branch.id, offer.service.id, slot.startsAt, () => {
        if (knownFull()) throw slotTaken();
        return this.hold(viewer, offer, slot, purpose, idempotencyKey, forDependantId);
      });
      this.effects.publish(booking);
      return booking;
    } catch (err) {
      if (!(err instanceof DuplicateBooking) || !idempotencyKey) throw err;
      const existing = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
      if (existing) return existing;
      throw err;
    }
  }

  /**
   * The citizen's limit, the capacity, its places, its number, the row, its first event, its
   * expiry job and its account feed entry, in one statement (see bookings.hold.ts: the contended place is never locked
   * across a round trip). The row is what the statement wrote: nothing is read back.
   */
  private async hold(viewer: Viewer, offer: Omit<Offer, 'capacity'>, slot: GeneratedSlot, purpose: string | null, idempotencyKey: string | null, forDependantId: string | null): Promise<BookingRow> {
    const { config, clock, db } = this.deps;
    const now = clock.now();
    const id = randomUUID();
    const { startsAt, endsAt } = slot;
    const [branchId, serviceId] = [offer.branch.id, offer.service.id];
    const confirmBy = new Date(now.getTime() + config.BOOKING_CONFIRM_TTL_SECONDS * 1000);
    const places = placesOf(startsAt, endsAt);
    // The webhook event carries the number the statement draws from the sequence (numberPaths).
    const created = { id, number: NUMBER_PENDING, status: 'PENDING_CONFIRMATION' as const, branchId, serviceId, startsAt, endsAt };
    const held = await insertHold(db, {
      ...{ id, userId: viewer.userId, forDependantId, branchId, serviceId, purpose, startsAt, endsAt, confirmBy, idempotencyKey, now, places },
      maxActive: config.BOOKING_MAX_ACTIVE,
      note: 'Место удерживается до подтверждения',
      jobs: [outboxRow(expireBooking, { bookingId: id }, { jobId: `expire-${id}`, delayMs: config.BOOKING_CONFIRM_TTL_SECONDS * 1000 }), bookingEventRow('BOOKING_CREATED', created, now)],
      numberPaths: [null, ['data', 'number']],
      // The new booking joins the holder's account feed in the same statement.
      feed: (when) => this.deps.feed.appendCtes(viewer.userId, 'BOOKING', id, when),
    });
    if (!held.held) {
      if (held.refusal === 'SLOT_TAKEN' && places.length === 1) this.slots.full.full(branchId, serviceId, [startsAt.getTime()]);
      throw holdRefusal(held.refusal, config.BOOKING_MAX_ACTIVE);
    }
    this.slots.full.full(branchId, serviceId, held.filled);
    return { id, number: held.number, userId: viewer.userId, branchId, serviceId, forDependantId, purpose, startsAt, endsAt, originalStartsAt: startsAt, status: 'PENDING_CONFIRMATION', confirmBy, rescheduleCount: 0, idempotencyKey, createdAt: now, updatedAt: now };
  }

  async confirm(booking: BookingRow): Promise<BookingRow> {
    const now = this.deps.clock.now();
    if (booking.status === 'CONFIRMED') return booking;
    if (booking.status === 'PENDING_CONFIRMATION' && booking.confirmBy && booking.confirmBy <= now) {
      await this.expire(booking.id);
      throw preconditionFailed('Время на подтверждение истекло, место освобождено', { rule: 'CONFIRMATION_EXPIRED' });
    }
    const done = await this.deps.db.transaction(async (tx) => {
      const row = await repo.transition(tx, booking.id, ['PENDING_CONFIRMATION'], { status: 'CONFIRMED', confirmBy: null, updatedAt: now });
      if (!row) return null;
      await repo.insertEvent(tx, { bookingId: row.id, status: 'CONFIRMED', at: now });
      await this.effects.record(tx, row);
      await this.effects.scheduleReminder(tx, row, now);
      await this.effects.messages.send(tx, row, { template: 'booking.confirmed' });
      await recordBookingEvent(tx, 'BOOKING_CONFIRMED', row, now);
      return row;
    });
    if (!done) throw preconditionFailed(`Запись в статусе ${booking.status} подтвердить нельзя`, { rule: 'NOT_PENDING' });
    this.effects.publish(done);
    return done;
  }

  /** The delayed job (and any late confirmation): a booking still unconfirmed gives its place back. */
  async expire(id: string): Promise<BookingRow | null> {
    const booking = await repo.findBooking(this.deps.db, id);
    if (!booking || booking.status !== 'PENDING_CONFIRMATION') return null;
    return this.release(booking, 'EXPIRED', 'Не подтверждена вовремя');
  }

  /** Cancels or expires a pending or confirmed booking: its places freed, its reminder dropped, watchers told. */
  async release(booking: BookingRow, status: 'CANCELLED' | 'EXPIRED', note: string): Promise<BookingRow | null> {
    const now = this.deps.clock.now();
    const row = await this.deps.db.transaction(async (tx) => {
      const done = await repo.transition(tx, booking.id, CHANGEABLE_STATUSES, { status, confirmBy: null, updatedAt: now });
      if (!done) return null;
      await repo.releasePlaces(tx, { branchId: done.branchId, serviceId: done.serviceId, starts: placesOf(done.startsAt, done.endsAt) });
      await repo.insertEvent(tx, { bookingId: done.id, status, at: now, note });
      await this.effects.record(tx, done);
      await this.effects.cancelReminder(tx, done);
      await this.effects.messages.send(tx, done, status === 'EXPIRED' ? { template: 'booking.expired' } : { template: 'booking.cancelled', reason: note });
      const held = await this.watches.placeFreed(tx, done, now);
      await recordBookingEvent(tx, status === 'CANCELLED' ? 'BOOKING_CANCELLED' : 'BOOKING_EXPIRED', done, now);
      return { done, held };
    });
    if (!row) return null;
    this.slots.placesFreed(row.done);
    await this.effects.dropReminder(row.done);
    for (const b of [row.done, ...row.held]) this.effects.publish(b);
    return row.done;
  }

  /**
   * The periodic safety net: every booking past its confirmBy expires (in case a delayed job was
   * lost), and a confirmed booking not checked in NO_SHOW_AFTER_MINUTES after its start becomes NO_SHOW.
   */
  async sweepExpired(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let n = 0;
    for (const id of await repo.overduePending(db, now)) if (await this.expire(id)) n += 1;
    for (const id of await repo.missedVisits(db, noShowCutoff(now))) {
      const row = await db.transaction(async (tx) => {
        const done = await repo.transition(tx, id, ['CONFIRMED'], { status: 'NO_SHOW', updatedAt: now });
        if (done) await repo.insertEvent(tx, { bookingId: id, status: 'NO_SHOW', at: now, note: 'Не отметился в отделении' });
        if (done) await this.effects.record(tx, done);
        return done;
      });
      if (row) {
        this.effects.publish(row);
        n += 1;
      }
    }
    return n;
  }

  /** The queue (in the ticket's transaction): a checked-in visit ends as COMPLETED or NO_SHOW. */
  async endVisit(tx: Executor, bookingId: string, status: VisitEnd): Promise<void> {
    const visit = await repo.transition(tx, bookingId, ['CHECKED_IN'], { status, updatedAt: this.deps.clock.now() });
    if (!visit) return;
    await repo.insertEvent(tx, { bookingId: visit.id, status, at: visit.updatedAt });
    await this.effects.record(tx, visit);
  }

  /** The reminder job: sends only if the booking is still confirmed for the same time, with what is still missing for the visit. */
  async remind(bookingId: string, startsAt: string, missingFor: (tx: Executor, b: BookingRow) => Promise<string>): Promise<boolean> {
    const { db } = this.deps;
    const booking = await repo.findBooking(db, bookingId);
    if (!booking || booking.status !== 'CONFIRMED' || booking.startsAt.toISOString() !== new Date(startsAt).toISOString()) return false;
    return db.transaction(async (tx) => this.effects.messages.send(tx, booking, { template: 'booking.reminder', missing: await missingFor(tx, booking) }));
  }
}

const slotTaken = () => countedConflict('SLOT_TAKEN', 'Это время уже занято: выберите другое', 'input.startsAt');

/** What a booking statement that wrote nothing answers. */
function holdRefusal(refusal: 'SLOT_TAKEN' | 'OVERLAP' | 'DUPLICATE' | 'MAX_ACTIVE' | 'NOT_OFFERED', maxActive: number): Error {
  switch (refusal) {
    case 'SLOT_TAKEN':
      return slotTaken();
    case 'OVERLAP':
      return countedConflict('OVERLAP', 'У вас уже есть запись на это время', 'input.startsAt');
    case 'DUPLICATE':
      return new DuplicateBooking('idempotency key used by a concurrent request');
    case 'MAX_ACTIVE':
      return preconditionFailed(`Можно иметь не больше ${maxActive} активных записей`, { rule: 'MAX_ACTIVE_BOOKINGS' });
    case 'NOT_OFFERED':
      return notOffered();
  }
}

/** A CONFLICT for a place taken or an overlapping visit, counted in mfc_booking_conflicts_total. */
function countedConflict(reason: 'SLOT_TAKEN' | 'OVERLAP', message: string, field: string) {
  countBookingConflict(reason);
  return conflict(message, field);
}
