/** Bookings: available dates and slots, booking, confirmation, cancellation, the citizen's list, live updates. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { ownEvents } from '../../shared/pubsub.js';
import { bookingTopic, type BookingTopicEvent } from './bookings.events.js';
import { toUser } from '../accounts/index.js';
import { User } from '../accounts/index.js';
import { toBranch } from '../branches/index.js';
import { Branch } from '../branches/index.js';
import { toService } from '../catalog/index.js';
import { Service } from '../catalog/index.js';
import type { BookingRow, SlotWatchRow } from './bookings.repository.js';
import { BookAppointmentInput, Booking, BookingConnection, BookingEvent, BookingFilter, BookingStatus, Slot, SlotWatch, SlotWatchInput } from './bookings.types.js';
import { MAX_RESCHEDULES } from './bookings.service.js';
import { toTicket } from '../queue/index.js';
import { QueueTicket } from '../queue/index.js';
import { signTicketCode } from './ticket-code.js';

type Ctx = GraphQLContext;

export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    number: row.number,
    userId: row.userId,
    branchId: row.branchId,
    serviceId: row.serviceId,
    purpose: row.purpose,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    originalStartsAt: row.originalStartsAt,
    status: BookingStatus[row.status],
    confirmBy: row.confirmBy,
    rescheduleCount: row.rescheduleCount,
    createdAt: row.createdAt,
  };
}

function toWatch(row: SlotWatchRow): SlotWatch {
  return { id: row.id, branchId: row.branchId, serviceId: row.serviceId, from: row.fromDate, to: row.toDate, active: row.active };
}

/** Field resolvers need the row's rules (canCancel…): rows are re-read through the per-request loader. */
async function rowOf(ctx: Ctx, b: Booking): Promise<BookingRow> {
  const row = await ctx.loaders.bookings.bookingById.load(b.id);
  if (!row) throw notFound('Запись');
  return row;
}

@Resolver(() => Booking)
export class BookingResolver {
  @Query(() => [DateScalar], { description: 'Days between from and to that still have places.' })
  availableDates(
    @Arg('branchId', () => ID) branchId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Ctx,
  ): Promise<string[]> {
    return ctx.services.bookings.availableDates(branchId, serviceId, from, to);
  }

  @Query(() => [Slot], { description: 'Appointment times between from and to (local days), with places left.' })
  availableSlots(
    @Arg('branchId', () => ID) branchId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Ctx,
  ): Promise<Slot[]> {
    return ctx.services.bookings.availableSlots(branchId, serviceId, from, to);
  }

  @Authorized()
  @Query(() => BookingConnection, { description: 'The caller\'s bookings, upcoming first.' })
  async myBookings(
    @Arg('filter', () => BookingFilter, { nullable: true }) filter: BookingFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<BookingConnection> {
    const page = await ctx.services.bookings.myBookings(requireViewer(ctx), filter, first, after);
    for (const row of page.nodes) ctx.loaders.bookings.bookingById.prime(row.id, row);
    return { ...page, nodes: page.nodes.map(toBooking) };
  }

  @Authorized()
  @Query(() => Booking, { nullable: true, description: 'A booking of the caller (staff: of their branch).' })
  async booking(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Booking | null> {
    const row = await ctx.services.bookings.booking(requireViewer(ctx), id);
    return row ? toBooking(row) : null;
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Holds a place until confirmBy; send an Idempotency-Key header to make retries safe.' })
  async bookAppointment(@Arg('input', () => BookAppointmentInput) input: BookAppointmentInput, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await ctx.services.bookings.book(requireViewer(ctx), input, ctx.idempotencyKey));
  }

  @Authorized()
  @Mutation(() => Booking)
  async confirmBooking(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await ctx.services.bookings.confirm(requireViewer(ctx), id));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators or the hall\'s kiosk: the booking\'s QR code turns into a queue ticket called before walk-ins.' })
  async checkIn(@Arg('ticketCode') ticketCode: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await ctx.services.bookings.checkIn(requireViewer(ctx), ticketCode));
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Moves the booking: 3 times at most, until 24 hours before the visit, within 30 days of the original time.' })
  async rescheduleBooking(@Arg('id', () => ID) id: string, @Arg('startsAt', () => DateTimeScalar) startsAt: Date, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await ctx.services.bookings.reschedule(requireViewer(ctx), id, startsAt));
  }

  @Authorized()
  @Mutation(() => Booking, { description: 'Cancels the booking and frees its place at once.' })
  async cancelBooking(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Ctx): Promise<Booking> {
    return toBooking(await ctx.services.bookings.cancel(requireViewer(ctx), id, reason));
  }

  @Authorized()
  @Mutation(() => SlotWatch, { description: 'Tell me once when a place frees up at this branch and service between from and to.' })
  async watchSlots(@Arg('input', () => SlotWatchInput) input: SlotWatchInput, @Ctx() ctx: Ctx): Promise<SlotWatch> {
    return toWatch(await ctx.services.bookings.watch(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Boolean)
  cancelSlotWatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.bookings.cancelWatch(requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => [SlotWatch])
  async mySlotWatches(@Ctx() ctx: Ctx): Promise<SlotWatch[]> {
    return (await ctx.services.bookings.myWatches(requireViewer(ctx))).map(toWatch);
  }

  @Authorized('ADMIN')
  @Mutation(() => Int, { description: 'Admins (beyond the contract): appointments per 15-minute place of a service at a branch (windows serving it by appointment); default 1.' })
  setBranchServiceCapacity(
    @Arg('branchId', () => ID) branchId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('capacity', () => Int) capacity: number,
    @Ctx() ctx: Ctx,
  ): Promise<number> {
    return ctx.services.bookings.setCapacity(requireViewer(ctx), branchId, serviceId, capacity);
  }

  @Subscription(() => Booking, {
    description: 'The caller\'s own bookings: every status change.',
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return ownEvents(context.services.pubsub, bookingTopic, viewer.userId);
    },
  })
  async bookingUpdated(@Root() event: BookingTopicEvent, @Ctx() ctx: Ctx): Promise<Booking> {
    const row = await ctx.services.bookings.booking(requireViewer(ctx), event.bookingId);
    if (!row) throw notFound('Запись');
    return toBooking(row);
  }

  @FieldResolver(() => User)
  async user(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<User> {
    const row = await ctx.services.accounts.profile.userById(requireViewer(ctx), b.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }

  @FieldResolver(() => Branch)
  async branch(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await ctx.loaders.branches.branchById.load(b.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service)
  async service(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await ctx.loaders.catalog.serviceById.load(b.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => Int)
  reschedulesLeft(@Root() b: Booking): number {
    return Math.max(0, MAX_RESCHEDULES - b.rescheduleCount);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the rules allow a reschedule now (3 at most, until 24 hours before).' })
  async canReschedule(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.bookings.canReschedule(await rowOf(ctx, b));
  }

  @FieldResolver(() => Boolean)
  async canCancel(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.bookings.canCancel(await rowOf(ctx, b));
  }

  @FieldResolver(() => String, { description: 'Signed payload of the ticket\'s QR code, checked at the branch.' })
  async ticketCode(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<string> {
    return signTicketCode(ctx.services.keys, { id: b.id, number: b.number, branchId: b.branchId, startsAt: b.startsAt, endsAt: b.endsAt });
  }

  @FieldResolver(() => String, { description: 'PDF ticket with the QR code (owner\'s bearer token; once confirmed).' })
  ticketUrl(@Root() b: Booking, @Ctx() ctx: Ctx): string {
    return ctx.services.bookings.fileUrl(b.id, 'ticket.pdf');
  }

  @FieldResolver(() => String, { description: 'iCalendar event of the visit (owner\'s bearer token).' })
  calendarUrl(@Root() b: Booking, @Ctx() ctx: Ctx): string {
    return ctx.services.bookings.fileUrl(b.id, 'event.ics');
  }

  @FieldResolver(() => [BookingEvent])
  async history(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<BookingEvent[]> {
    return (await ctx.loaders.bookings.eventsByBooking.load(b.id)).map((e) => ({ status: BookingStatus[e.status], at: e.at, note: e.note }));
  }
}

@Resolver(() => QueueTicket)
export class TicketBookingResolver {
  @FieldResolver(() => Booking, { nullable: true, description: 'The booking the ticket was checked in from.' })
  async booking(@Root() ticket: QueueTicket, @Ctx() ctx: Ctx): Promise<Booking | null> {
    if (!ticket.bookingId) return null;
    const row = await ctx.loaders.bookings.bookingById.load(ticket.bookingId);
    return row ? toBooking(row) : null;
  }
}

@Resolver(() => SlotWatch)
export class SlotWatchResolver {
  @FieldResolver(() => Branch)
  async branch(@Root() w: SlotWatch, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await ctx.loaders.branches.branchById.load(w.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service)
  async service(@Root() w: SlotWatch, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await ctx.loaders.catalog.serviceById.load(w.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }
}
