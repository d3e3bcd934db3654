/** GraphQL inputs of bookings. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { BookingStatus } from './bookings.types.js';

@InputType({ description: 'Restricts a list of bookings.' })
export class BookingFilter {
  @Field(() => [BookingStatus], { description: 'Only bookings in these statuses.', nullable: true })
  status?: BookingStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only visits still ahead.' })
  upcoming?: boolean | null;
}

@InputType({ description: 'The branch, service and days to watch for a freed place.' })
export class SlotWatchInput {
  @Field(() => ID, { description: 'The branch to watch.' })
  branchId!: string;
  @Field(() => ID, { description: 'The service to watch.' })
  serviceId!: string;
  @Field(() => DateScalar, { description: 'First day to watch (branch-local date).' })
  from!: string;
  @Field(() => DateScalar, { description: 'Last day to watch (inclusive, at most 30 days ahead).' })
  to!: string;
}

@InputType({ description: 'A booking request: the slot at a branch for a service.' })
export class BookAppointmentInput {
  @Field(() => ID, { description: 'The branch; it must offer the service.' })
  branchId!: string;
  @Field(() => ID, { description: 'The service; it must need or allow an appointment.' })
  serviceId!: string;
  @Field(() => DateTimeScalar, { description: 'One of availableSlots\' startsAt.' })
  startsAt!: Date;
  @Field(() => String, { description: 'What the visit is about, for the operator (optional, free text).', nullable: true })
  purpose?: string | null;
  @Field(() => ID, { nullable: true, description: 'Book for the caller\'s dependant (allowed before their document is verified).' })
  forDependantId?: string | null;
}
