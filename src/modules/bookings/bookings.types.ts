/** GraphQL types of bookings. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { RequiredDocument } from '../catalog/index.js';
import { PersonalDocument } from '../documents/index.js';

export enum BookingStatus {
  PENDING_CONFIRMATION = 'PENDING_CONFIRMATION',
  CONFIRMED = 'CONFIRMED',
  CHECKED_IN = 'CHECKED_IN',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(BookingStatus, { description: 'Where a booking is: pending, confirmed, at the branch, done or ended otherwise.', name: 'BookingStatus', valuesConfig: { CANCELLED: { description: 'Cancelled by the citizen or by a schedule change; its place was freed.' }, CHECKED_IN: { description: 'The visitor checked in at the branch and holds a queue ticket.' }, COMPLETED: { description: 'The visit took place.' }, CONFIRMED: { description: 'Confirmed: has a number, QR code, PDF ticket and calendar event.' }, EXPIRED: { description: 'Not confirmed within 15 minutes; its place was freed.' }, NO_SHOW: { description: 'The visitor did not come.' }, PENDING_CONFIRMATION: { description: 'Holds its place and waits for `confirmBooking` (15 minutes).' } } });

@ObjectType({ description: 'An appointment time with its places: capacity, and how many are left.' })
export class Slot {
  @Field(() => DateTimeScalar, { description: 'When the slot starts.' })
  startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the slot ends (15 minutes per slot; a longer service spans several).' })
  endsAt!: Date;
  @Field(() => Int, { description: 'Places in this slot (windows serving the service by appointment).' })
  capacity!: number;
  @Field(() => Int, { description: 'Places still free in this slot.' })
  available!: number;
}

@ObjectType({ description: 'A change of a booking\'s status.' })
export class BookingEvent {
  @Field(() => BookingStatus, { description: 'The new status.' })
  status!: BookingStatus;
  @Field(() => DateTimeScalar, { description: 'When the status changed.' })
  at!: Date;
  @Field(() => String, { description: 'Why (a cancellation reason, a schedule change), if given.', nullable: true })
  note!: string | null;
}

@ObjectType({ implements: Node, description: 'An appointment at a branch.' })
export class Booking extends Node {
  @Field({ description: 'Human-readable record number printed on the ticket.' })
  number!: string;
  userId!: string;
  branchId!: string;
  serviceId!: string;
  /** The dependant the booking is for (Booking.forDependant, resolved by the family module). */
  forDependantId!: string | null;
  @Field(() => String, { description: 'What the visit is about, as the citizen wrote it.', nullable: true })
  purpose!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the visit starts (ISO-8601 with offset; the branch\'s time zone).' })
  startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the visit\'s last slot ends.' })
  endsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'The start first booked; reschedules must stay within 30 days of it.' })
  originalStartsAt!: Date;
  @Field(() => BookingStatus, { description: 'Where the booking is in its lifecycle.' })
  status!: BookingStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Unconfirmed bookings expire at this moment and free their slot.' })
  confirmBy!: Date | null;
  @Field(() => Int, { description: 'How many times it was moved.' })
  rescheduleCount!: number;
  @Field(() => DateTimeScalar, { description: 'When the booking was made.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of bookings.' })
export class BookingConnection {
  @Field(() => [Booking], { description: 'The bookings of this page.' })
  nodes!: Booking[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many bookings match, across all pages.' })
  totalCount!: number;
}

@ObjectType({ implements: Node, description: 'A wish to hear when a place frees up: a freed place is held for the first watcher as an unconfirmed booking (fires once).' })
export class SlotWatch extends Node {
  branchId!: string;
  serviceId!: string;
  @Field(() => DateScalar, { description: 'First watched day.' })
  from!: string;
  @Field(() => DateScalar, { description: 'Last watched day.' })
  to!: string;
  @Field({ description: 'Whether it still waits for a place (false once it fired or was cancelled).' })
  active!: boolean;
  heldBookingId!: string | null;
}

@ObjectType({ description: 'Whether the citizen can be served at the visit with the documents on file.' })
export class BookingReadiness {
  @Field({ description: 'No required document is missing, rejected or expiring before the visit.' })
  ready!: boolean;
  @Field(() => [RequiredDocument], { description: 'Required personal documents with nothing on file.' })
  missingDocuments!: RequiredDocument[];
  @Field(() => [PersonalDocument], { description: 'Documents on file that expire before the visit or were rejected.' })
  invalidDocuments!: PersonalDocument[];
}
