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
registerEnumType(BookingStatus, { name: 'BookingStatus' });

@ObjectType({ description: 'An appointment time with its places: capacity, and how many are left.' })
export class Slot {
  @Field(() => DateTimeScalar)
  startsAt!: Date;
  @Field(() => DateTimeScalar)
  endsAt!: Date;
  @Field(() => Int)
  capacity!: number;
  @Field(() => Int)
  available!: number;
}

@ObjectType({ description: 'A change of a booking\'s status.' })
export class BookingEvent {
  @Field(() => BookingStatus)
  status!: BookingStatus;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => String, { nullable: true })
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
  @Field(() => String, { nullable: true })
  purpose!: string | null;
  @Field(() => DateTimeScalar)
  startsAt!: Date;
  @Field(() => DateTimeScalar)
  endsAt!: Date;
  @Field(() => DateTimeScalar)
  originalStartsAt!: Date;
  @Field(() => BookingStatus)
  status!: BookingStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Unconfirmed bookings expire at this moment and free their slot.' })
  confirmBy!: Date | null;
  @Field(() => Int)
  rescheduleCount!: number;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType()
export class BookingConnection {
  @Field(() => [Booking])
  nodes!: Booking[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ implements: Node, description: 'A wish to hear when a place frees up: a freed place is held for the first watcher as an unconfirmed booking (fires once).' })
export class SlotWatch extends Node {
  branchId!: string;
  serviceId!: string;
  @Field(() => DateScalar)
  from!: string;
  @Field(() => DateScalar)
  to!: string;
  @Field()
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
