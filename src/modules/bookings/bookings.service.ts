/**
 * Bookings: the places of a branch's service (slots from its schedule, places from `slot_places`),
 * booking with a hold until confirmation, confirmation, cancellation, and the citizen's list.
 * Places are taken and given back in the same transaction as the booking's change; PostgreSQL's
 * constraints decide every race (CHECK on places, exclusion on a citizen's overlapping bookings).
 */
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import { pgErrorCode } from '../../db/errors.js';
import { cancelOutbox, writeOutbox } from '../../jobs/outbox.js';
import { expireBooking, remindBooking } from '../../jobs/registry.js';
import { badField, badInput, conflict, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import { bookingTopic } from './bookings.events.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { exceptionsOf, findBranchesByIds, hoursOf, type BranchRow } from '../branches/branches.repository.js';
import { findServicesByIds, type ServiceRow } from '../catalog/catalog.repository.js';
import type { NotificationsService } from '../notifications/index.js';
import { insertTicket, nextSeq, type TicketRow } from '../queue/queue.repository.js';
import { ticketNumber } from '../queue/index.js';
import { localDay } from '../../shared/days.js';
import type { KeyStore } from '../../shared/auth/keys.js';
import { verifyTicketCode } from './ticket-code.js';
import * as repo from './bookings.repository.js';
import type { BookingRow, BookingStatus } from './bookings.repository.js';
import { generateSlots, type GeneratedSlot } from './slots.js';

export const SLOT_MINUTES = 15;
export const REMINDER_HOURS_BEFORE = 24;

/** One reminder job per booking and visit time: a moved visit gets a new one. */
export const reminderJobId = (b: { id: string; startsAt: Date }) => `remind-${b.id}-${b.startsAt.getTime()}`;

/** The visit's local date and time for messages. */
function visitTime(branch: BranchRow, at: Date): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: branch.timezone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at).replace(',', '');
}
export const MAX_RESCHEDULES = 3;
export const RESCHEDULE_DEADLINE_HOURS = 24;
const MAX_RANGE_DAYS = 31;

export interface SlotView {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  available: number;
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

/** The 15-minute starts a booking occupies. */
export function placesOf(startsAt: Date, endsAt: Date): Date[] {
  const out: Date[] = [];
  for (let t = startsAt.getTime(); t < endsAt.getTime(); t += SLOT_MINUTES * 60_000) out.push(new Date(t));
  return out;
}

/** Check-in opens this long before the visit and closes this long after its start (then NO_SHOW). */
export const CHECK_IN_EARLY_MINUTES = 60;
export const NO_SHOW_AFTER_MINUTES = 15;

export class BookingsService {
  constructor(
    private readonly deps: {
      config: Config;
      db: Database;
      clock: Clock;
      log: Logger;
      pubsub: AppPubSub;
      notifications: NotificationsService;
      keys: KeyStore;
      /** Recomputes and publishes the branch's load after a ticket joins its queue. */
      queueChanged: (branchId: string) => Promise<unknown>;
      /** Removes a relayed delayed job from the maintenance queue (best effort). */
      dropJob: (jobId: string) => Promise<unknown>;
    },
  ) {}

  /**
   * At the branch (operator or the hall's kiosk account): the QR code of a confirmed booking
   * becomes a queue ticket called before walk-ins. The code is verified by signature first.
   */
  async checkIn(viewer: Viewer, ticketCode: string): Promise<TicketRow> {
    const { db, clock, keys } = this.deps;
    const now = clock.now();
    const claims = await verifyTicketCode(keys, ticketCode.trim(), now);
    if (!claims) throw badField('ticketCode', 'Код талона недействителен');
    const booking = await repo.findBooking(db, claims.bookingId);
    if (!booking || booking.branchId !== claims.branchId) throw badField('ticketCode', 'Код талона недействителен');
    if (!hasRole(viewer, 'ADMIN')) {
      const staff = await findUserById(db, viewer.userId);
      if (!hasRole(viewer, 'OPERATOR') || staff?.staffBranchId !== booking.branchId) throw forbidden('Талон другого отделения');
    }
    if (booking.status === 'CHECKED_IN') throw preconditionFailed('По этой записи уже выдан талон', { rule: 'ALREADY_CHECKED_IN' });
    if (booking.status !== 'CONFIRMED') throw preconditionFailed(`Запись в статусе ${booking.status}: отметиться нельзя`, { rule: 'NOT_CONFIRMED' });
    const opens = booking.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000;
    const closes = booking.startsAt.getTime() + NO_SHOW_AFTER_MINUTES * 60_000;
    if (now.getTime() < opens) throw preconditionFailed(`Отметиться можно не раньше чем за ${CHECK_IN_EARLY_MINUTES} минут до визита`, { rule: 'CHECK_IN_TOO_EARLY' });
    if (now.getTime() > closes) throw preconditionFailed('Время визита прошло', { rule: 'CHECK_IN_TOO_LATE' });
    const [branch] = await findBranchesByIds(db, [booking.branchId]);
    if (!branch) throw notFound('Отделение');
    const ticket = await db.transaction(async (tx) => {
      const moved = await repo.transition(tx, booking.id, ['CONFIRMED'], { status: 'CHECKED_IN', updatedAt: now });
      if (!moved) throw preconditionFailed('Запись изменилась, обновите её', { rule: 'CONCURRENT_CHANGE' });
      await repo.insertEvent(tx, { bookingId: booking.id, status: 'CHECKED_IN', at: now });
      const day = localDay(now, branch.timezone);
      const seq = await nextSeq(tx, branch.id, day);
      return insertTicket(tx, { branchId: branch.id, serviceId: booking.serviceId, userId: booking.userId, bookingId: booking.id, day, seq, number: ticketNumber(seq), priority: 0, issuedAt: now });
    });
    this.publish({ ...booking, status: 'CHECKED_IN' });
    await this.deps.queueChanged(branch.id);
    return ticket;
  }

  async availableSlots(branchId: string, serviceId: string, from: string, to: string): Promise<SlotView[]> {
    const { branch, service, capacity } = await this.offer(branchId, serviceId);
    if (to < from) throw badField('to', 'Конец периода раньше начала');
    const [fy = 0, fm = 1, fd = 1] = from.split('-').map(Number);
    const [ty = 0, tm = 1, td = 1] = to.split('-').map(Number);
    if ((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000 > MAX_RANGE_DAYS) throw badField('to', `Не больше ${MAX_RANGE_DAYS} дней за запрос`);
    const slots = await this.slotsOf(branch, service, from, to);
    if (slots.length === 0) return [];
    const first = slots[0]?.startsAt ?? new Date();
    const last = slots.at(-1)?.endsAt ?? new Date();
    const taken = await repo.takenBetween(this.deps.db, { branchId: branch.id, serviceId: service.id, from: first, to: last });
    return slots.map((s) => {
      const used = Math.max(...placesOf(s.startsAt, s.endsAt).map((p) => taken.get(p.getTime()) ?? 0));
      return { startsAt: s.startsAt, endsAt: s.endsAt, capacity, available: Math.max(0, capacity - used) };
    });
  }

  async availableDates(branchId: string, serviceId: string, from: string, to: string): Promise<string[]> {
    const slots = await this.availableSlots(branchId, serviceId, from, to);
    const { branch } = await this.offer(branchId, serviceId);
    return [...new Set(slots.filter((s) => s.available > 0).map((s) => localDay(s.startsAt, branch.timezone)))];
  }

  async book(viewer: Viewer, input: { branchId: string; serviceId: string; startsAt: Date; purpose?: string | null }, idempotencyKey: string | null): Promise<BookingRow> {
    const { config, db, clock } = this.deps;
    if (idempotencyKey) {
      if (idempotencyKey.length > 200) throw badField('Idempotency-Key', 'Ключ длиннее 200 символов');
      const existing = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
      if (existing) return existing;
    }
    const { branch, service, capacity } = await this.offer(input.branchId, input.serviceId);
    const purpose = input.purpose?.trim() || null;
    if (purpose && purpose.length > 500) throw badField('input.purpose', 'Не длиннее 500 символов');
    const slot = await this.slotAt(branch, service, input.startsAt);
    if (!slot) throw badField('input.startsAt', 'На это время записи нет: выберите время из списка доступных');
    if ((await repo.countActive(db, viewer.userId)) >= config.BOOKING_MAX_ACTIVE) {
      throw preconditionFailed(`Можно иметь не больше ${config.BOOKING_MAX_ACTIVE} активных записей`, { rule: 'MAX_ACTIVE_BOOKINGS' });
    }
    const now = clock.now();
    try {
      const booking = await db.transaction(async (tx) => {
        await repo.takePlaces(tx, { branchId: branch.id, serviceId: service.id, starts: placesOf(slot.startsAt, slot.endsAt), capacity });
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
        await repo.insertEvent(tx, { bookingId: row.id, status: 'PENDING_CONFIRMATION', at: now, note: 'Место удерживается до подтверждения' });
        await writeOutbox(tx, expireBooking, { bookingId: row.id }, { jobId: `expire-${row.id}`, delayMs: config.BOOKING_CONFIRM_TTL_SECONDS * 1000 });
        return row;
      });
      this.publish(booking);
      return booking;
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === '23514') throw conflict('Это время уже занято: выберите другое', 'input.startsAt');
      if (code === '23P01') throw conflict('У вас уже есть запись на это время', 'input.startsAt');
      if (code === '23505' && idempotencyKey) {
        const existing = await repo.findByIdempotencyKey(db, viewer.userId, idempotencyKey);
        if (existing) return existing;
      }
      throw err;
    }
  }

  async confirm(viewer: Viewer, id: string): Promise<BookingRow> {
    const booking = await this.requireOwn(viewer, id);
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
      await this.scheduleReminder(tx, row, now);
      const [user, [branch]] = await Promise.all([findUserById(tx, row.userId), findBranchesByIds(tx, [row.branchId])]);
      if (user && branch) {
        await this.deps.notifications.notify(tx, {
          userId: user.id,
          template: 'booking.confirmed',
          vars: { number: row.number, branch: branch.name, time: visitTime(branch, row.startsAt) },
            subjectType: 'Booking',
          subjectId: row.id,
        });
      }
      return row;
    });
    if (!done) throw preconditionFailed(`Запись в статусе ${booking.status} подтвердить нельзя`, { rule: 'NOT_PENDING' });
    this.publish(done);
    return done;
  }

  async cancel(viewer: Viewer, id: string, reason: string | null | undefined): Promise<BookingRow> {
    const booking = await this.requireOwn(viewer, id);
    if (!this.canCancel(booking)) throw preconditionFailed('Эту запись отменить уже нельзя', { rule: 'NOT_CANCELLABLE' });
    const row = await this.release(booking, 'CANCELLED', reason?.trim().slice(0, 500) || 'Отменена заявителем');
    if (!row) throw preconditionFailed('Эту запись отменить уже нельзя', { rule: 'NOT_CANCELLABLE' });
    return row;
  }

  /**
   * Moves a booking to another time: at most MAX_RESCHEDULES times, only until
   * RESCHEDULE_DEADLINE_HOURS before the current visit, and within BOOKING_HORIZON_DAYS of the
   * original time. The old places are freed and the new ones taken in one transaction.
   */
  async reschedule(viewer: Viewer, id: string, startsAt: Date): Promise<BookingRow> {
    const booking = await this.requireOwn(viewer, id);
    const { config, clock, db } = this.deps;
    const now = clock.now();
    if (booking.status !== 'PENDING_CONFIRMATION' && booking.status !== 'CONFIRMED') {
      throw preconditionFailed(`Запись в статусе ${booking.status} перенести нельзя`, { rule: 'NOT_ACTIVE' });
    }
    if (booking.rescheduleCount >= MAX_RESCHEDULES) throw preconditionFailed(`Запись можно перенести не больше ${MAX_RESCHEDULES} раз`, { rule: 'RESCHEDULE_LIMIT' });
    if (booking.startsAt.getTime() - now.getTime() < RESCHEDULE_DEADLINE_HOURS * 3_600_000) {
      throw preconditionFailed(`Перенести запись можно не позже чем за ${RESCHEDULE_DEADLINE_HOURS} часа до визита`, { rule: 'RESCHEDULE_DEADLINE' });
    }
    if (Math.abs(startsAt.getTime() - booking.originalStartsAt.getTime()) > config.BOOKING_HORIZON_DAYS * 86_400_000) {
      throw preconditionFailed(`Новое время — в пределах ${config.BOOKING_HORIZON_DAYS} дней от первоначального`, { rule: 'RESCHEDULE_WINDOW' });
    }
    const { branch, service, capacity } = await this.offer(booking.branchId, booking.serviceId);
    const slot = await this.slotAt(branch, service, startsAt);
    if (!slot) throw badField('startsAt', 'На это время записи нет: выберите время из списка доступных');
    try {
      const row = await db.transaction(async (tx) => {
        const moved = await repo.transition(tx, booking.id, ['PENDING_CONFIRMATION', 'CONFIRMED'], {
          status: booking.status,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          rescheduleCount: booking.rescheduleCount + 1,
          updatedAt: now,
        });
        if (!moved || moved.rescheduleCount > MAX_RESCHEDULES) throw preconditionFailed('Запись изменилась, обновите её', { rule: 'CONCURRENT_CHANGE' });
        await repo.releasePlaces(tx, { branchId: booking.branchId, serviceId: booking.serviceId, starts: placesOf(booking.startsAt, booking.endsAt) });
        await repo.takePlaces(tx, { branchId: booking.branchId, serviceId: booking.serviceId, starts: placesOf(slot.startsAt, slot.endsAt), capacity });
        await repo.insertEvent(tx, { bookingId: booking.id, status: moved.status, at: now, note: `Перенесена с ${booking.startsAt.toISOString()}` });
        await cancelOutbox(tx, reminderJobId(booking));
        if (moved.status === 'CONFIRMED') await this.scheduleReminder(tx, moved, now);
        await this.placeFreed(tx, booking, now);
        return moved;
      });
      await this.dropReminder(booking);
      this.publish(row);
      return row;
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === '23514') throw conflict('Это время уже занято: выберите другое', 'startsAt');
      if (code === '23P01') throw conflict('У вас уже есть запись на это время', 'startsAt');
      throw err;
    }
  }

  /**
   * The periodic safety net: every booking past its confirmBy expires (in case a delayed job was
   * lost), and a confirmed booking not checked in 15 minutes after its start becomes NO_SHOW.
   */
  async sweepExpired(): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    let n = 0;
    for (const id of await repo.overduePending(db, now)) if (await this.expire(id)) n += 1;
    for (const id of await repo.missedVisits(db, new Date(now.getTime() - NO_SHOW_AFTER_MINUTES * 60_000))) {
      const row = await db.transaction(async (tx) => {
        const done = await repo.transition(tx, id, ['CONFIRMED'], { status: 'NO_SHOW', updatedAt: now });
        if (done) await repo.insertEvent(tx, { bookingId: id, status: 'NO_SHOW', at: now, note: 'Не отметился в отделении' });
        return done;
      });
      if (row) {
        this.publish(row);
        n += 1;
      }
    }
    return n;
  }

  /** The delayed job (and any late confirmation): a booking still unconfirmed gives its place back. */
  async expire(id: string): Promise<BookingRow | null> {
    const booking = await repo.findBooking(this.deps.db, id);
    if (!booking || booking.status !== 'PENDING_CONFIRMATION') return null;
    return this.release(booking, 'EXPIRED', 'Не подтверждена вовремя');
  }

  async myBookings(viewer: Viewer, filter: { status?: BookingStatus[] | null; upcoming?: boolean | null } | null, first: number | null, after: string | null): Promise<OffsetPage<BookingRow>> {
    const limit = Math.min(Math.max(first ?? 20, 1), 100);
    const offset = after ? decodeOffset(after) : 0;
    const { rows, total } = await repo.bookingsOfUser(this.deps.db, {
      userId: viewer.userId,
      statuses: filter?.status,
      upcomingAfter: filter?.upcoming ? this.deps.clock.now() : null,
      limit,
      offset,
    });
    return offsetPage(rows, total, offset);
  }

  /** A booking as its owner or the staff of its branch may see it. */
  async booking(viewer: Viewer, id: string): Promise<BookingRow | null> {
    const b = isUuid(id) ? await repo.findBooking(this.deps.db, id) : undefined;
    if (!b) return null;
    if (b.userId === viewer.userId || hasRole(viewer, 'ADMIN')) return b;
    if (hasRole(viewer, 'OPERATOR')) {
      const staff = await findUserById(this.deps.db, viewer.userId);
      if (staff?.staffBranchId === b.branchId) return b;
    }
    return null;
  }

  /** Admins: how many appointments a 15-minute place of the service takes at the branch. */
  async setCapacity(viewer: Viewer, branchId: string, serviceId: string, capacity: number): Promise<number> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 50) throw badField('capacity', 'От 1 до 50 мест');
    if (!isUuid(branchId) || !isUuid(serviceId) || !(await repo.setCapacity(this.deps.db, branchId, serviceId, capacity))) {
      throw badField('serviceId', 'Эта услуга не оказывается в выбранном отделении');
    }
    return capacity;
  }

  /** Where a booking's file is served (src/modules/bookings/bookings.http.ts). */
  fileUrl(id: string, file: 'ticket.pdf' | 'event.ics'): string {
    return `${this.deps.config.PUBLIC_URL}/bookings/${id}/${file}`;
  }

  canCancel(b: BookingRow): boolean {
    return (b.status === 'PENDING_CONFIRMATION' || b.status === 'CONFIRMED') && b.startsAt > this.deps.clock.now();
  }

  canReschedule(b: BookingRow): boolean {
    const deadline = b.startsAt.getTime() - RESCHEDULE_DEADLINE_HOURS * 3_600_000;
    return (b.status === 'PENDING_CONFIRMATION' || b.status === 'CONFIRMED') && b.rescheduleCount < MAX_RESCHEDULES && this.deps.clock.now().getTime() < deadline;
  }

  private async release(booking: BookingRow, status: 'CANCELLED' | 'EXPIRED', note: string): Promise<BookingRow | null> {
    const now = this.deps.clock.now();
    const row = await this.deps.db.transaction(async (tx) => {
      const done = await repo.transition(tx, booking.id, ['PENDING_CONFIRMATION', 'CONFIRMED'], { status, confirmBy: null, updatedAt: now });
      if (!done) return null;
      await repo.releasePlaces(tx, { branchId: done.branchId, serviceId: done.serviceId, starts: placesOf(done.startsAt, done.endsAt) });
      await repo.insertEvent(tx, { bookingId: done.id, status, at: now, note });
      await cancelOutbox(tx, reminderJobId(done));
      await this.placeFreed(tx, done, now);
      return done;
    });
    if (row) {
      await this.dropReminder(row);
      this.publish(row);
    }
    return row;
  }

  async watch(viewer: Viewer, input: { branchId: string; serviceId: string; from: string; to: string }): Promise<repo.SlotWatchRow> {
    const { branch, service } = await this.offer(input.branchId, input.serviceId);
    if (input.to < input.from) throw badField('input.to', 'Конец периода раньше начала');
    const today = localDay(this.deps.clock.now(), branch.timezone);
    if (input.to < today) throw badField('input.to', 'Период уже прошёл');
    return repo.insertWatch(this.deps.db, { userId: viewer.userId, branchId: branch.id, serviceId: service.id, fromDate: input.from, toDate: input.to, createdAt: this.deps.clock.now() });
  }

  async cancelWatch(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.deactivateWatch(this.deps.db, id, viewer.userId))) throw notFound('Оповещение');
    return true;
  }

  myWatches(viewer: Viewer): Promise<repo.SlotWatchRow[]> {
    return repo.watchesOfUser(this.deps.db, viewer.userId);
  }

  /** A place came free: the watchers of that branch, service and day hear it once (first come, first served). */
  private async placeFreed(tx: Executor, b: BookingRow, now: Date): Promise<void> {
    if (b.startsAt <= now) return;
    const [branch] = await findBranchesByIds(tx, [b.branchId]);
    if (!branch) return;
    const day = localDay(b.startsAt, branch.timezone);
    const fired = await repo.fireWatches(tx, { branchId: b.branchId, serviceId: b.serviceId, day, now, exceptUserId: b.userId });
    for (const w of fired) {
      const user = await findUserById(tx, w.userId);
      if (!user) continue;
      await this.deps.notifications.notify(tx, {
        userId: user.id,
        template: 'booking.slot_freed',
        vars: { branch: branch.name, date: day.split('-').reverse().join('.') },
        subjectType: 'SlotWatch',
        subjectId: w.id,
      });
    }
  }

  /** The reminder job: sends only if the booking is still confirmed for the same time. */
  async remind(bookingId: string, startsAt: string): Promise<boolean> {
    const { db } = this.deps;
    const booking = await repo.findBooking(db, bookingId);
    if (!booking || booking.status !== 'CONFIRMED' || booking.startsAt.toISOString() !== new Date(startsAt).toISOString()) return false;
    const [user, [branch]] = await Promise.all([findUserById(db, booking.userId), findBranchesByIds(db, [booking.branchId])]);
    if (!user || !branch) return false;
    await db.transaction((tx) =>
      this.deps.notifications.notify(tx, {
        userId: user.id,
        template: 'booking.reminder',
        vars: { number: booking.number, branch: branch.name, time: visitTime(branch, booking.startsAt) },
        subjectType: 'Booking',
        subjectId: booking.id,
      }),
    );
    return true;
  }

  /** A reminder REMINDER_HOURS_BEFORE the visit; none when the visit is sooner than that. */
  private async scheduleReminder(tx: Executor, b: BookingRow, now: Date): Promise<void> {
    const delayMs = b.startsAt.getTime() - REMINDER_HOURS_BEFORE * 3_600_000 - now.getTime();
    if (delayMs <= 0) return;
    await writeOutbox(tx, remindBooking, { bookingId: b.id, startsAt: b.startsAt.toISOString() }, { jobId: reminderJobId(b), delayMs });
  }

  private async dropReminder(b: { id: string; startsAt: Date }): Promise<void> {
    try {
      await this.deps.dropJob(reminderJobId(b));
    } catch (err) {
      // A reminder left behind is harmless: it checks the booking before sending.
      this.deps.log.warn({ err }, 'could not remove a reminder job');
    }
  }

  private publish(b: BookingRow): void {
    try {
      this.deps.pubsub.publish(bookingTopic, { userId: b.userId, bookingId: b.id });
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a booking change');
    }
  }

  private async requireOwn(viewer: Viewer, id: string): Promise<BookingRow> {
    const b = isUuid(id) ? await repo.findBooking(this.deps.db, id) : undefined;
    if (!b) throw notFound('Запись');
    if (b.userId !== viewer.userId) throw forbidden('Это чужая запись');
    return b;
  }

  private async offer(branchId: string, serviceId: string): Promise<{ branch: BranchRow; service: ServiceRow; capacity: number }> {
    const [branch] = isUuid(branchId) ? await findBranchesByIds(this.deps.db, [branchId]) : [];
    if (!branch) throw notFound('Отделение');
    const [service] = isUuid(serviceId) ? await findServicesByIds(this.deps.db, [serviceId]) : [];
    const capacity = service ? await repo.capacityOf(this.deps.db, branch.id, service.id) : null;
    if (!service || service.archivedAt || capacity === null) throw badInput([{ field: 'serviceId', message: 'Эта услуга не оказывается в выбранном отделении' }]);
    if (!service.requiresAppointment) throw badInput([{ field: 'serviceId', message: 'На эту услугу запись не нужна' }]);
    return { branch, service, capacity };
  }

  private async slotsOf(branch: BranchRow, service: ServiceRow, from: string, to: string): Promise<GeneratedSlot[]> {
    const { config, db, clock } = this.deps;
    const [hours, exceptions] = await Promise.all([hoursOf(db, [branch.id]), exceptionsOf(db, [branch.id], from, to)]);
    return generateSlots({
      timezone: branch.timezone,
      hours: hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes, breakStart: hhmm(h.breakStart), breakEnd: hhmm(h.breakEnd) })),
      exceptions: exceptions.map((e) => ({ date: e.date, closed: e.closed, opens: hhmm(e.opens), closes: hhmm(e.closes) })),
      now: clock.now(),
      durationMinutes: service.appointmentMinutes,
      slotMinutes: SLOT_MINUTES,
      leadMinutes: config.BOOKING_LEAD_MINUTES,
      horizonDays: config.BOOKING_HORIZON_DAYS,
      fromDate: from,
      toDate: to,
    });
  }

  /** The generated slot starting exactly at `startsAt`, if the schedule has one. */
  private async slotAt(branch: BranchRow, service: ServiceRow, startsAt: Date): Promise<GeneratedSlot | null> {
    const day = localDay(startsAt, branch.timezone);
    const slots = await this.slotsOf(branch, service, day, day);
    return slots.find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
  }
}
