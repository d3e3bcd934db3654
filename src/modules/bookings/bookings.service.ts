/**
 * The bookings door: one service other code (resolvers, REST routes, jobs, the queue through its
 * VisitOutcomes port) calls. It checks access first (the caller's own booking, staff of its branch,
 * admins), answers the reads, and hands each operation to the part responsible for it: places
 * (SlotsService), the booking's life (BookingLifecycleService), rescheduling, check-in and slot
 * watches. Bookings own booking status and booking events; only they publish bookingTopic.
 */
import type { Executor } from '../../db/client.js';
import { retainMonths, type MonthlyRetention } from '../../db/partitions.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import type { ScheduleChange, ScheduleChangeListener, ScheduleChangeOutcome } from '../branches/index.js';
import type { TicketRow, VisitEnd, VisitOutcomes } from '../queue/index.js';
import { BookingEffects, type BookingsDeps } from './bookings.deps.js';
import * as repo from './bookings.repository.js';
import type { BookingRow, BookingStatus, SlotWatchRow } from './bookings.repository.js';
import { canCancel, canReschedule, MAX_CANCEL_REASON_LENGTH, MAX_CAPACITY, MIN_CAPACITY } from './bookings.rules.js';
import { CheckInService } from './check-in.service.js';
import { BookingLifecycleService, type BookInput } from './lifecycle.service.js';
import { RescheduleService } from './reschedule.service.js';
import { SlotsService, type SlotView } from './slots.service.js';
import type { DocumentRow } from '../documents/index.js';
import type { Readiness } from './readiness.rules.js';
import { ReadinessService } from './readiness.service.js';
import { ScheduleCancellations } from './schedule-changes.service.js';
import { SlotWatchesService } from './watches.service.js';
import { signTicketCode } from './ticket-code.js';

export class BookingsService implements VisitOutcomes, ScheduleChangeListener {
  private readonly slots: SlotsService;
  private readonly watches: SlotWatchesService;
  private readonly lifecycle: BookingLifecycleService;
  private readonly rescheduling: RescheduleService;
  private readonly checkIns: CheckInService;
  private readonly scheduleCancellations: ScheduleCancellations;
  private readonly readinessCheck: ReadinessService;
  private readonly effects: BookingEffects;

  constructor(private readonly deps: BookingsDeps) {
    this.effects = new BookingEffects(deps);
    this.slots = new SlotsService(deps);
    this.watches = new SlotWatchesService(deps, this.slots, this.effects);
    this.lifecycle = new BookingLifecycleService(deps, this.slots, this.watches, this.effects);
    this.rescheduling = new RescheduleService(deps, this.slots, this.watches, this.effects);
    this.checkIns = new CheckInService(deps, this.effects);
    this.scheduleCancellations = new ScheduleCancellations(deps, this.effects, this.slots);
    this.readinessCheck = new ReadinessService(deps);
  }

  // ---------------------------------------------------------------- places

  availableSlots(branchId: string, serviceId: string, from: string, to: string): Promise<SlotView[]> {
    return this.slots.availableSlots(branchId, serviceId, from, to);
  }

  availableDates(branchId: string, serviceId: string, from: string, to: string): Promise<string[]> {
    return this.slots.availableDates(branchId, serviceId, from, to);
  }

  /** Admins: how many appointments a 15-minute place of the service takes at the branch. */
  async setCapacity(viewer: Viewer, branchId: string, serviceId: string, capacity: number): Promise<number> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    if (!Number.isInteger(capacity) || capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) throw badField('capacity', `От ${MIN_CAPACITY} до ${MAX_CAPACITY} мест`);
    if (!isUuid(branchId) || !isUuid(serviceId) || !(await repo.setCapacity(this.deps.db, branchId, serviceId, capacity))) {
      throw badField('serviceId', 'Эта услуга не оказывается в выбранном отделении');
    }
    this.slots.capacityChanged(branchId, serviceId);
    return capacity;
  }

  /** The app closes: the places feed between instances ends. */
  close(): Promise<void> {
    return this.slots.close();
  }

  // ---------------------------------------------------------------- the citizen's bookings

  book(viewer: Viewer, input: BookInput, idempotencyKey: string | null): Promise<BookingRow> {
    return this.lifecycle.book(viewer, input, idempotencyKey);
  }

  async confirm(viewer: Viewer, id: string): Promise<BookingRow> {
    return this.lifecycle.confirm(await this.requireOwn(viewer, id));
  }

  async cancel(viewer: Viewer, id: string, reason: string | null | undefined): Promise<BookingRow> {
    const booking = await this.requireOwn(viewer, id);
    if (!this.canCancel(booking)) throw preconditionFailed('Эту запись отменить уже нельзя', { rule: 'NOT_CANCELLABLE' });
    const row = await this.lifecycle.release(booking, 'CANCELLED', reason?.trim().slice(0, MAX_CANCEL_REASON_LENGTH) || 'Отменена заявителем');
    if (!row) throw preconditionFailed('Эту запись отменить уже нельзя', { rule: 'NOT_CANCELLABLE' });
    return row;
  }

  /** Moves a booking to another time (the rules: bookings.rules.ts, rescheduleRefusal). */
  async reschedule(viewer: Viewer, id: string, startsAt: Date): Promise<BookingRow> {
    return this.rescheduling.reschedule(await this.requireOwn(viewer, id), startsAt);
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
      const staff = await this.deps.accounts.userById(viewer.userId);
      if (staff?.staffBranchId === b.branchId) return b;
    }
    return null;
  }

  canCancel(b: BookingRow): boolean {
    return canCancel(b, this.deps.clock.now());
  }

  canReschedule(b: BookingRow): boolean {
    return canReschedule(b, this.deps.clock.now());
  }

  /** The signed payload of the booking's QR code (checked at the branch by checkIn). */
  ticketCode(b: { id: string; number: string; branchId: string; startsAt: Date; endsAt: Date }): Promise<string> {
    return signTicketCode(this.deps.keys, b);
  }

  /** Where a booking's file is served (bookings.http.ts), signed for this viewer: opens without a header until FILE_LINK_TTL_SECONDS. */
  fileUrl(viewer: Viewer, id: string, file: 'ticket.pdf' | 'event.ics'): string {
    return this.deps.links.url(`/bookings/${id}/${file}`, viewer);
  }

  /** The viewer a signed booking-file link stands for (null: forged, expired, or its session ended). */
  linkViewer(path: string, sig: unknown): Promise<Viewer | null> {
    return this.deps.links.viewer(path, sig);
  }

  // ---------------------------------------------------------------- at the branch

  checkIn(viewer: Viewer, ticketCode: string): Promise<TicketRow> {
    return this.checkIns.checkIn(viewer, ticketCode);
  }

  /** VisitOutcomes (the queue, in the ticket's transaction): the checked-in visit ends. */
  endVisit(tx: Executor, bookingId: string, status: VisitEnd): Promise<void> {
    return this.lifecycle.endVisit(tx, bookingId, status);
  }

  /** VisitOutcomes (the queue, after commit): the booking's holder hears of it. */
  visitEnded(visit: { bookingId: string; userId: string }): void {
    this.effects.publish({ id: visit.bookingId, userId: visit.userId });
  }

  /** ScheduleChangeListener (branches, in the schedule change's transaction): bookings at times now closed are cancelled. */
  scheduleChanged(tx: Executor, change: ScheduleChange): Promise<ScheduleChangeOutcome> {
    return this.scheduleCancellations.scheduleChanged(tx, change);
  }

  // ---------------------------------------------------------------- jobs

  /** bookings.recheckSchedule: bookings that raced a schedule change in are cancelled as it would have. */
  recheckSchedule(change: ScheduleChange): Promise<number> {
    return this.scheduleCancellations.recheck(change);
  }

  expire(id: string): Promise<BookingRow | null> {
    return this.lifecycle.expire(id);
  }

  sweepExpired(): Promise<number> {
    return this.lifecycle.sweepExpired();
  }

  /** bookings.pruneEvents: the histories' months kept ahead, whole months past BOOKING_EVENTS_RETENTION_DAYS dropped (the bookings stay). */
  pruneEvents(): Promise<MonthlyRetention> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    return retainMonths(db, 'booking_events', 'at', new Date(now.getTime() - config.BOOKING_EVENTS_RETENTION_DAYS * 86_400_000), now);
  }

  remind(bookingId: string, startsAt: string): Promise<boolean> {
    return this.lifecycle.remind(bookingId, startsAt, async (tx, b) => (await this.readinessCheck.forReminder(tx, b)).problems.join(', '));
  }

  /** Booking.readiness for a booking the viewer may see (its documents as the viewer may see them). */
  readiness(viewer: Viewer, b: BookingRow): Promise<Readiness<DocumentRow>> {
    return this.readinessCheck.forViewer(viewer, b);
  }

  // ---------------------------------------------------------------- slot watches

  watch(viewer: Viewer, input: { branchId: string; serviceId: string; from: string; to: string }): Promise<SlotWatchRow> {
    return this.watches.watch(viewer, input);
  }

  cancelWatch(viewer: Viewer, id: string): Promise<boolean> {
    return this.watches.cancelWatch(viewer, id);
  }

  myWatches(viewer: Viewer): Promise<SlotWatchRow[]> {
    return this.watches.myWatches(viewer);
  }

  /**
   * The caller's own booking. A booking the caller may not even see (another citizen's) answers
   * NOT_FOUND exactly like an unknown id, so the answer never tells that it exists; staff who may
   * read it (its branch's operators, admins) are refused the change with FORBIDDEN.
   */
  private async requireOwn(viewer: Viewer, id: string): Promise<BookingRow> {
    const b = await this.booking(viewer, id);
    if (!b) throw notFound('Запись');
    if (b.userId !== viewer.userId) throw forbidden('Изменить запись может только заявитель');
    return b;
  }
}
