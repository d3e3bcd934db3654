/**
 * A booking's life: booked with a hold until confirmation, confirmed (reminder scheduled), cancelled
 * or expired (place given back, watchers told), swept (lost expiries, missed visits become
 * NO_SHOW), reminded, and ended by the queue (COMPLETED / NO_SHOW). Places are taken and given back
 * in the same transaction as the booking's change; PostgreSQL's constraints decide every race and
 * the repository answers them as SLOT_TAKEN / OVERLAP / DUPLICATE.
 */
import type { Executor } from '../../db/client.js';
import { writeOutbox } from '../../jobs/outbox.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { badField, conflict, preconditionFailed } from '../../shared/errors.js';
import type { VisitEnd } from '../queue/index.js';
import { visitTime, type BookingEffects, type BookingsDeps } from './bookings.deps.js';
import { expireBooking } from './bookings.jobs.js';
import { recordBookingEvent } from './bookings.webhooks.js';
import * as repo from './bookings.repository.js';
import type { BookingRow } from './bookings.repository.js';
import { ACTIVE_STATUSES, CHANGEABLE_STATUSES, MAX_IDEMPOTENCY_KEY_LENGTH, MAX_PURPOSE_LENGTH, noShowCutoff, placesOf } from './bookings.rules.js';
import type { Offer, SlotsService } from './slots.service.js';
import type { SlotWatchesService } from './watches.service.js';
import type { GeneratedSlot } from './slots.js';

export interface BookInput {
  branchId: string;
  serviceId: string;
  startsAt: Date;
  purpose?: string | null;
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
    const { config, db } = this.deps;
    if (idempotencyKey) {
      if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw badField('Idempotency-Key', `Ключ длиннее ${MAX_IDEMPOTENCY_KEY_LENGTH} символов`);
      const existing = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
      if (existing) return existing;
    }
    const offer = await this.slots.offer(input.branchId, input.serviceId);
    const purpose = input.purpose?.trim() || null;
    if (purpose && purpose.length > MAX_PURPOSE_LENGTH) throw badField('input.purpose', `Не длиннее ${MAX_PURPOSE_LENGTH} символов`);
    const slot = await this.slots.slotAt(offer.branch, offer.service, input.startsAt);
    if (!slot) throw badField('input.startsAt', 'На это время записи нет: выберите время из списка доступных');
    if ((await repo.countActive(db, viewer.userId, ACTIVE_STATUSES)) >= config.BOOKING_MAX_ACTIVE) {
      throw preconditionFailed(`Можно иметь не больше ${config.BOOKING_MAX_ACTIVE} активных записей`, { rule: 'MAX_ACTIVE_BOOKINGS' });
    }
    try {
      const booking = await db.transaction((tx) => this.hold(tx, viewer, offer, slot, purpose, idempotencyKey));
      this.effects.publish(booking);
      return booking;
    } catch (err) {
      if (!(err instanceof DuplicateBooking) || !idempotencyKey) throw err;
      const existing = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
      if (existing) return existing;
      throw err;
    }
  }

  /** In the booking's transaction: its places, its number, the row, its first event and its expiry job. */
  private async hold(tx: Executor, viewer: Viewer, offer: Offer, slot: GeneratedSlot, purpose: string | null, idempotencyKey: string | null): Promise<BookingRow> {
    const { config, clock } = this.deps;
    const now = clock.now();
    const { branch, service, capacity } = offer;
    const taken = await repo.takePlaces(tx, { branchId: branch.id, serviceId: service.id, starts: placesOf(slot.startsAt, slot.endsAt), capacity });
    if (taken === 'SLOT_TAKEN') throw conflict('Это время уже занято: выберите другое', 'input.startsAt');
    // Seven digits: six-digit numbers in messages are reserved for one-time codes.
    const number = `МФЦ-Б-${String(await repo.nextNumber(tx)).padStart(7, '0')}`;
    const confirmBy = new Date(now.getTime() + config.BOOKING_CONFIRM_TTL_SECONDS * 1000);
    const row = await repo.insertBooking(tx, {
      number,
      userId: viewer.userId,
      branchId: branch.id,
      serviceId: service.id,
      purpose,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      originalStartsAt: slot.startsAt,
      status: 'PENDING_CONFIRMATION',
      confirmBy,
      idempotencyKey,
      createdAt: now,
      updatedAt: now,
    });
    if (row === 'OVERLAP') throw conflict('У вас уже есть запись на это время', 'input.startsAt');
    if (row === 'DUPLICATE') throw new DuplicateBooking('idempotency key used by a concurrent request');
    await repo.insertEvent(tx, { bookingId: row.id, status: 'PENDING_CONFIRMATION', at: now, note: 'Место удерживается до подтверждения' });
    await writeOutbox(tx, expireBooking, { bookingId: row.id }, { jobId: `expire-${row.id}`, delayMs: config.BOOKING_CONFIRM_TTL_SECONDS * 1000 });
    await recordBookingEvent(tx, 'BOOKING_CREATED', row, now);
    return row;
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
      await this.effects.scheduleReminder(tx, row, now);
      await this.notify(tx, row, 'booking.confirmed');
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
      await this.effects.cancelReminder(tx, done);
      await this.watches.placeFreed(tx, done, now);
      await recordBookingEvent(tx, status === 'CANCELLED' ? 'BOOKING_CANCELLED' : 'BOOKING_EXPIRED', done, now);
      return done;
    });
    if (row) {
      await this.effects.dropReminder(row);
      this.effects.publish(row);
    }
    return row;
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
    if (visit) await repo.insertEvent(tx, { bookingId: visit.id, status, at: visit.updatedAt });
  }

  /** The reminder job: sends only if the booking is still confirmed for the same time. */
  async remind(bookingId: string, startsAt: string): Promise<boolean> {
    const { db } = this.deps;
    const booking = await repo.findBooking(db, bookingId);
    if (!booking || booking.status !== 'CONFIRMED' || booking.startsAt.toISOString() !== new Date(startsAt).toISOString()) return false;
    return db.transaction((tx) => this.notify(tx, booking, 'booking.reminder'));
  }

  /** The booking's holder gets a message about it (number, branch, local time); false when either is gone. */
  private async notify(tx: Executor, row: BookingRow, template: 'booking.confirmed' | 'booking.reminder'): Promise<boolean> {
    const [user, [branch]] = await Promise.all([this.deps.accounts.userById(row.userId, tx), this.deps.branches.branchesByIds([row.branchId], tx)]);
    if (!user || !branch) return false;
    await this.deps.notifications.notify(tx, {
      userId: user.id,
      template,
      vars: { number: row.number, branch: branch.name, time: visitTime(branch, row.startsAt) },
      subjectType: 'Booking',
      subjectId: row.id,
    });
    return true;
  }
}
