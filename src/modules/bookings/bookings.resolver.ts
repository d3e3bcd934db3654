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

  /** Field resolvers need the row's rules (canCancel…): rows are re-read through the per-request loader. */
  private async rowOf(ctx: Ctx, b: Booking): Promise<BookingRow> {
    const row = await bookingsLoaders(ctx, this.db).bookingById.load(b.id);
    if (!row) throw notFound('Запись');
    return row;
  }

  @Query(() => [DateScalar], { description: 'Days between from and to that still have places.' })
  availableDates(
    @Arg('branchId', () => ID) branchId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<string[]> {
    return this.bookings.availableDates(branchId, serviceId, from, to);
  }

  @Query(() => [Slot], { description: 'Appointment times between from and to (local days), with places left.' })
  availableSlots(
    @Arg('branchId', () => ID) branchId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<Slot[]> {
    return this.bookings.availableSlots(branchId, serviceId, from, to);
  }

  @Authorized()
  @Query(() => BookingConnection, { description: 'The caller\'s bookings, upcoming first.' })
  async myBookings(
    @Arg('filter', () => BookingFilter, { nullable: true }) filter: BookingFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<BookingConnection> {
    const page = await this.bookings.myBookings(requireViewer(ctx), filter, first, after);
    const loaders = bookingsLoaders(ctx, this.db);
    for (const row of page.nodes) loaders.bookingById.prime(row.id, row);
    return { ...page, nodes: page.nodes.map(toBooking) };
  }

  @Authorized()
  @Query(() => Booking, { nullable: true, description: 'A booking of the caller (staff: of their branch).' })
  async booking(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Booking | null> {
    const row = await this.bookings.booking(requireViewer(ctx), id);
    return row ? toBooking(row) : null;
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Holds a place until confirmBy; send an Idempotency-Key header to make retries safe.' })
  async bookAppointment(@Arg('input', () => BookAppointmentInput) input: BookAppointmentInput, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await this.bookings.book(requireViewer(ctx), input, ctx.idempotencyKey));
  }

  @Authorized()
  @Mutation(() => Booking)
  async confirmBooking(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await this.bookings.confirm(requireViewer(ctx), id));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators or the hall\'s kiosk: the booking\'s QR code turns into a queue ticket called before walk-ins.' })
  async checkIn(@Arg('ticketCode') ticketCode: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.bookings.checkIn(requireViewer(ctx), ticketCode));
  }

  @Authorized()
  @Mutation(() => Booking, { description: RESCHEDULE_DESCRIPTION })
  async rescheduleBooking(@Arg('id', () => ID) id: string, @Arg('startsAt', () => DateTimeScalar) startsAt: Date, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await this.bookings.reschedule(requireViewer(ctx), id, startsAt));
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Cancels the booking and frees its place at once.' })
  async cancelBooking(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await this.bookings.cancel(requireViewer(ctx), id, reason));
  }

  @Authorized()
  @Mutation(() => SlotWatch, { description: 'Tell me once when a place frees up at this branch and service between from and to.' })
  async watchSlots(@Arg('input', () => SlotWatchInput) input: SlotWatchInput, @Ctx() ctx: Ctx): Promise<SlotWatch> {
    return toWatch(await this.bookings.watch(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Boolean)
  cancelSlotWatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.bookings.cancelWatch(requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => [SlotWatch])
  async mySlotWatches(@Ctx() ctx: Ctx): Promise<SlotWatch[]> {
    return (await this.bookings.myWatches(requireViewer(ctx))).map(toWatch);
  }

  @Authorized('ADMIN')
  @Mutation(() => Int, { description: 'Admins (beyond the contract): appointments per 15-minute place of a service at a branch (windows serving it by appointment); default 1.' })
  setBranchServiceCapacity(
    @Arg('branchId', () => ID) branchId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('capacity', () => Int) capacity: number,
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

  @FieldResolver(() => User)
  async user(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<User> {
    const row = await this.profile.userById(requireViewer(ctx), b.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }

  @FieldResolver(() => Branch)
  async branch(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(b.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service)
  async service(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await catalogLoaders(ctx, this.db).serviceById.load(b.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => Int)
  reschedulesLeft(@Root() b: Booking): number {
    return reschedulesLeft(b.rescheduleCount);
  }

  @FieldResolver(() => Boolean, { description: CAN_RESCHEDULE_DESCRIPTION })
  async canReschedule(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.bookings.canReschedule(await this.rowOf(ctx, b));
  }

  @FieldResolver(() => Boolean)
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

  @FieldResolver(() => [BookingEvent])
  async history(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<BookingEvent[]> {
    return (await bookingsLoaders(ctx, this.db).eventsByBooking.load(b.id)).map(toBookingEvent);
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

  @FieldResolver(() => Branch)
  async branch(@Root() w: SlotWatch, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(w.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service)
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
