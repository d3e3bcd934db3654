/** GraphQL inputs of bookings. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { BookingStatus } from './bookings.types.js';

@InputType()
export class BookingFilter {
  @Field(() => [BookingStatus], { nullable: true })
  status?: BookingStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only visits still ahead.' })
  upcoming?: boolean | null;
}

@InputType()
export class SlotWatchInput {
  @Field(() => ID)
  branchId!: string;
  @Field(() => ID)
  serviceId!: string;
  @Field(() => DateScalar)
  from!: string;
  @Field(() => DateScalar)
  to!: string;
}

@InputType()
export class BookAppointmentInput {
  @Field(() => ID)
  branchId!: string;
  @Field(() => ID)
  serviceId!: string;
  @Field(() => DateTimeScalar, { description: 'One of availableSlots\' startsAt.' })
  startsAt!: Date;
  @Field(() => String, { nullable: true })
  purpose?: string | null;
  @Field(() => ID, { nullable: true, description: 'Book for the caller\'s dependant (allowed before their document is verified).' })
  forDependantId?: string | null;
}
