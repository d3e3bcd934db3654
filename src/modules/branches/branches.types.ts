/** GraphQL types of branches. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';

export enum BranchOrder {
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
  LOAD = 'LOAD',
}
registerEnumType(BranchOrder, { name: 'BranchOrder', description: 'How to order branches; DISTANCE needs filter.near; LOAD puts the emptiest first.' });

@ObjectType({ description: 'A region of Russia with the localities that have branches.' })
export class Region {
  @Field({ description: 'Region code, e.g. 77 for Moscow.' })
  code!: string;
  @Field()
  name!: string;
  @Field(() => [String])
  localities!: string[];
}

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  lat!: number;
  @Field(() => Float)
  lon!: number;
}

@ObjectType({ description: 'Weekly hours of a branch, local time.' })
export class WorkingHours {
  @Field(() => Int, { description: '1 = Monday ... 7 = Sunday.' })
  weekday!: number;
  @Field({ description: 'HH:MM' })
  opens!: string;
  @Field({ description: 'HH:MM' })
  closes!: string;
  @Field(() => String, { nullable: true })
  breakStart!: string | null;
  @Field(() => String, { nullable: true })
  breakEnd!: string | null;
}

@ObjectType({ description: 'A dated change of hours: a holiday or a short day.' })
export class ScheduleException {
  @Field(() => DateScalar)
  date!: string;
  @Field()
  closed!: boolean;
  @Field(() => String, { nullable: true })
  opens!: string | null;
  @Field(() => String, { nullable: true })
  closes!: string | null;
  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ implements: Node, description: 'An MFC office.' })
export class Branch extends Node {
  @Field()
  name!: string;
  regionCode!: string;
  @Field()
  locality!: string;
  @Field()
  address!: string;
  @Field(() => GeoPoint)
  location!: GeoPoint;
  @Field({ description: 'IANA time zone; hours are local to it.' })
  timezone!: string;
  @Field(() => String, { nullable: true })
  phone!: string | null;
  @Field(() => Int, { description: 'Number of service windows (desks).' })
  windows!: number;
  @Field(() => Float, { nullable: true, description: 'Set when the branches were searched near a point.' })
  distanceKm!: number | null;
  @Field(() => Int, { nullable: true, description: 'Set in the answer of setWorkingHours and addScheduleException: how many bookings the change cancelled (their citizens are told).' })
  cancelledBookings?: number | null;
}

@ObjectType({ description: 'A page of branches.' })
export class BranchConnection {
  @Field(() => [Branch])
  nodes!: Branch[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int)
  totalCount!: number;
}
