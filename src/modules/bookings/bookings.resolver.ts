/** Bookings: available dates and slots, booking, confirmation, cancellation, the citizen's list, live updates. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { currentThenLive, ownEvents, type AppPubSub } from '../../shared/pubsub.js';
import { bookingTopic, type BookingTopicEvent } from './bookings.events.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { toUser, User, type ProfileService } from '../accounts/index.js';
import { Branch, branchesLoaders, toBranch } from '../branches/index.js';
import { catalogLoaders, Service, toService } from '../catalog/index.js';
import { QueueTicket, toTicket } from '../queue/index.js';
import type { BookingRow } from './bookings.repository.js';
import { BookAppointmentInput, BookingFilter, SlotWatchInput } from './bookings.inputs.js';
import { bookingsLoaders } from './bookings.loaders.js';
import { toBooking, toBookingEvent, toWatch } from './bookings.mappers.js';
import { ACTIVE_STATUSES, CAN_RESCHEDULE_DESCRIPTION, RESCHEDULE_DESCRIPTION, reschedulesLeft } from './bookings.rules.js';
import type { BookingsService } from './bookings.service.js';
import { Booking, BookingConnection, BookingEvent, Slot, SlotWatch } from './bookings.types.js';

type Ctx = GraphQLContext;

@Resolver(() => Booking)
export class BookingResolver {
  constructor(
    private readonly bookings: BookingsService,
    private readonly profile: Pick<ProfileService, 'userById'>,
    private readonly pubsub: AppPubSub,
    private readonly db: Database,
  ) {}

  /** What bookingUpdated reads (the subscription asks this application's instance through the context). */
  bookingEvents(): AppPubSub {
    return this.pubsub;
  }

  /** bookingUpdated's current state: the caller's active bookings, as events. */
  async activeBookings(viewer: Viewer): Promise<BookingTopicEvent[]> {
    const page = await this.bookings.myBookings(viewer, { status: ACTIVE_STATUSES }, 100, null);
    return page.nodes.map((b) => ({ userId: b.userId, bookingId: b.id }));
  }

  /** A mutation's row as the answer: its field resolvers (canCancel…) find it in the request's loader instead of reading it again. */
  private answer(ctx: Ctx, row: BookingRow): Booking {
    bookingsLoaders(ctx, this.db).bookingById.prime(row.id, row);
    return toBooking(row);
  }

  /** Field resolvers need the row's rules (canCancel…): rows are re-read through the per-request loader. */
  private async rowOf(ctx: Ctx, b: Booking): Promise<BookingRow> {
    const row = await bookingsLoaders(ctx, this.db).bookingById.load(b.id);
    if (!row) throw notFound('Запись');
    return row;
  }

  @Query(() => [DateScalar], { description: 'Days between from and to that still have places.' })
  availableDates(
    @Arg('branchId', () => ID, { description: 'The branch.' }) branchId: string,
    @Arg('serviceId', () => ID, { description: 'The service to book.' }) serviceId: string,
    @Arg('from', () => DateScalar, { description: 'First day (branch-local date); slots start 1 hour ahead at the earliest.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day (inclusive); slots exist up to 30 days ahead.' }) to: string,
  ): Promise<string[]> {
    return this.bookings.availableDates(branchId, serviceId, from, to);
  }

  @Query(() => [Slot], { description: 'Appointment times between from and to (local days), with places left.' })
  availableSlots(
    @Arg('branchId', () => ID, { description: 'The branch.' }) branchId: string,
    @Arg('serviceId', () => ID, { description: 'The service to book; its appointment length sets how many 15-minute slots a visit takes.' }) serviceId: string,
    @Arg('from', () => DateScalar, { description: 'First day (branch-local date); slots start 1 hour ahead at the earliest.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day (inclusive); slots exist up to 30 days ahead. Counts as up to 100 slots in the query cost.' }) to: string,
  ): Promise<Slot[]> {
    return this.bookings.availableSlots(branchId, serviceId, from, to);
  }

  @Authorized()
  @Query(() => BookingConnection, { description: 'The caller\'s bookings, upcoming first.' })
  async myBookings(
    @Arg('filter', () => BookingFilter, { description: 'Restricts by status.', nullable: true }) filter: BookingFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<BookingConnection> {
    const page = await this.bookings.myBookings(requireViewer(ctx), filter, first, after);
    const loaders = bookingsLoaders(ctx, this.db);
    for (const row of page.nodes) loaders.bookingById.prime(row.id, row);
    return { ...page, nodes: page.nodes.map(toBooking) };
  }

  @Authorized()
  @Query(() => Booking, { nullable: true, description: 'A booking of the caller (staff: of their branch).' })
  async booking(@Arg('id', () => ID, { description: 'The booking\'s id (the caller\'s own; staff: at their branch).' }) id: string, @Ctx() ctx: Ctx): Promise<Booking | null> {
    const row = await this.bookings.booking(requireViewer(ctx), id);
    return row ? toBooking(row) : null;
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Holds a place until confirmBy; send an Idempotency-Key header to make retries safe.' })
  async bookAppointment(@Arg('input', () => BookAppointmentInput, { description: 'The branch, service and slot; the place is held at once and the booking waits for `confirmBooking` (15 minutes).' }) input: BookAppointmentInput, @Ctx() ctx: Ctx): Promise<Booking> {
    return this.answer(ctx, await this.bookings.book(requireViewer(ctx), input, ctx.idempotencyKey));
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Confirms a PENDING_CONFIRMATION booking within 15 minutes of booking: it gets its number, QR code, PDF ticket and calendar event. Expired bookings answer PRECONDITION_FAILED.' })
  async confirmBooking(@Arg('id', () => ID, { description: 'The caller\'s pending booking.' }) id: string, @Ctx() ctx: Ctx): Promise<Booking> {
    return this.answer(ctx, await this.bookings.confirm(requireViewer(ctx), id));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators or the hall\'s kiosk: the booking\'s QR code turns into a queue ticket called before walk-ins.' })
  async checkIn(@Arg('ticketCode', { description: 'The signed payload read from the booking\'s QR code (`Booking.ticketCode`).' }) ticketCode: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.bookings.checkIn(requireViewer(ctx), ticketCode));
  }

  @Authorized()
  @Mutation(() => Booking, { description: RESCHEDULE_DESCRIPTION })
  async rescheduleBooking(@Arg('id', () => ID, { description: 'The caller\'s active booking to move.' }) id: string, @Arg('startsAt', () => DateTimeScalar, { description: 'The new slot\'s start; at most 30 days from the original time and only until 24 hours before the visit.' }) startsAt: Date, @Ctx() ctx: Ctx): Promise<Booking> {
    return this.answer(ctx, await this.bookings.reschedule(requireViewer(ctx), id, startsAt));
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Cancels the booking and frees its place at once.' })
  async cancelBooking(@Arg('id', () => ID, { description: 'The booking to cancel (the caller\'s own, active).' }) id: string, @Arg('reason', () => String, { description: 'Why, kept in the history (optional).', nullable: true }) reason: string | null, @Ctx() ctx: Ctx): Promise<Booking> {
    return this.answer(ctx, await this.bookings.cancel(requireViewer(ctx), id, reason));
  }

  @Authorized()
  @Mutation(() => SlotWatch, { description: 'Tell me once when a place frees up at this branch and service between from and to.' })
  async watchSlots(@Arg('input', () => SlotWatchInput, { description: 'Branch, service and days to watch.' }) input: SlotWatchInput, @Ctx() ctx: Ctx): Promise<SlotWatch> {
    return toWatch(await this.bookings.watch(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Stops one of the caller\'s slot watches; true when it was active.' })
  cancelSlotWatch(@Arg('id', () => ID, { description: 'The watch to stop.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.bookings.cancelWatch(requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => [SlotWatch], { description: 'The caller\'s slot watches, active and fired.' })
  async mySlotWatches(@Ctx() ctx: Ctx): Promise<SlotWatch[]> {
    return (await this.bookings.myWatches(requireViewer(ctx))).map(toWatch);
  }

  @Authorized('ADMIN')
  @Mutation(() => Int, { description: 'Admins (beyond the contract): appointments per 15-minute place of a service at a branch (windows serving it by appointment); default 1.' })
  setBranchServiceCapacity(
    @Arg('branchId', () => ID, { description: 'The branch.' }) branchId: string,
    @Arg('serviceId', () => ID, { description: 'The service.' }) serviceId: string,
    @Arg('capacity', () => Int, { description: 'Places per 15-minute slot, 1 to 50.' }) capacity: number,
    @Ctx() ctx: Ctx,
  ): Promise<number> {
    return this.bookings.setCapacity(requireViewer(ctx), branchId, serviceId, capacity);
  }

  @Subscription(() => Booking, {
    description: 'The caller\'s own bookings: the active ones first (the current state), then every status change.',
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      const resolver = context.resolver(BookingResolver);
      return currentThenLive(() => resolver.activeBookings(viewer), ownEvents(resolver.bookingEvents(), bookingTopic, viewer.userId));
    },
  })
  async bookingUpdated(@Root() event: BookingTopicEvent, @Ctx() ctx: Ctx): Promise<Booking> {
    const row = await this.bookings.booking(requireViewer(ctx), event.bookingId);
    if (!row) throw notFound('Запись');
    return toBooking(row);
  }

  @FieldResolver(() => User, { description: 'The citizen who booked (staff see it for bookings at their branch).' })
  async user(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<User> {
    const row = await this.profile.userById(requireViewer(ctx), b.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }

  @FieldResolver(() => Branch, { description: 'The branch of the visit.' })
  async branch(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(b.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service, { description: 'The service the visit is for.' })
  async service(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await catalogLoaders(ctx, this.db).serviceById.load(b.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => Int, { description: 'How many more times it may be moved (3 per booking).' })
  reschedulesLeft(@Root() b: Booking): number {
    return reschedulesLeft(b.rescheduleCount);
  }

  @FieldResolver(() => Boolean, { description: CAN_RESCHEDULE_DESCRIPTION })
  async canReschedule(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.bookings.canReschedule(await this.rowOf(ctx, b));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may cancel it now (an active booking whose visit has not started).' })
  async canCancel(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.bookings.canCancel(await this.rowOf(ctx, b));
  }

  @FieldResolver(() => String, { description: 'Signed payload of the ticket\'s QR code, checked at the branch.' })
  ticketCode(@Root() b: Booking): Promise<string> {
    return this.bookings.ticketCode(b);
  }

  @FieldResolver(() => String, { description: 'PDF ticket with the QR code (once confirmed): a signed link that opens without a header for FILE_LINK_TTL_SECONDS and dies with the session; ask again for a fresh one.' })
  ticketUrl(@Root() b: Booking, @Ctx() ctx: Ctx): string {
    return this.bookings.fileUrl(requireViewer(ctx), b.id, 'ticket.pdf');
  }

  @FieldResolver(() => String, { description: 'iCalendar event of the visit: a signed link that opens without a header for FILE_LINK_TTL_SECONDS and dies with the session.' })
  calendarUrl(@Root() b: Booking, @Ctx() ctx: Ctx): string {
    return this.bookings.fileUrl(requireViewer(ctx), b.id, 'event.ics');
  }

  @FieldResolver(() => [BookingEvent], { description: 'Every status change, oldest first.' })
  async history(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<BookingEvent[]> {
    return (await bookingsLoaders(ctx, this.db).eventsByBooking.load(b)).map(toBookingEvent);
  }
}

@Resolver(() => QueueTicket)
export class TicketBookingResolver {
  constructor(private readonly db: Database) {}

  @FieldResolver(() => Booking, { nullable: true, description: 'The booking the ticket was checked in from.' })
  async booking(@Root() ticket: QueueTicket, @Ctx() ctx: Ctx): Promise<Booking | null> {
    if (!ticket.bookingId) return null;
    const row = await bookingsLoaders(ctx, this.db).bookingById.load(ticket.bookingId);
    return row ? toBooking(row) : null;
  }
}

@Resolver(() => SlotWatch)
export class SlotWatchResolver {
  constructor(private readonly db: Database) {}

  @FieldResolver(() => Branch, { description: 'The watched branch.' })
  async branch(@Root() w: SlotWatch, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(w.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service, { description: 'The watched service.' })
  async service(@Root() w: SlotWatch, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await catalogLoaders(ctx, this.db).serviceById.load(w.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => Booking, { nullable: true, description: 'A freed place held for this watcher until the booking\'s confirmBy.' })
  async heldBooking(@Root() w: SlotWatch, @Ctx() ctx: Ctx): Promise<Booking | null> {
    if (!w.heldBookingId) return null;
    const row = await bookingsLoaders(ctx, this.db).bookingById.load(w.heldBookingId);
    return row ? toBooking(row) : null;
  }
}
