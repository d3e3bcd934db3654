/** GraphQL types of branches. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';

export enum BranchOrder {
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
  LOAD = 'LOAD',
}
registerEnumType(BranchOrder, { name: 'BranchOrder', description: 'How to order branches; DISTANCE needs filter.near; LOAD puts the emptiest first.', valuesConfig: { DISTANCE: { description: 'Nearest first; needs `filter.near`.' }, LOAD: { description: 'Emptiest queue first (live load).' }, NAME: { description: 'Alphabetical by name.' } } });

@ObjectType({ description: 'A region of Russia with the localities that have branches.' })
export class Region {
  @Field({ description: 'Region code, e.g. 77 for Moscow.' })
  code!: string;
  @Field({ description: 'The region\'s name.' })
  name!: string;
  @Field(() => [String], { description: 'The localities of the region that have branches, alphabetical.' })
  localities!: string[];
}

@ObjectType({ description: 'A point on the map (WGS 84).' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees, -90 to 90.' })
  lat!: number;
  @Field(() => Float, { description: 'Longitude in degrees, -180 to 180.' })
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
  @Field(() => String, { description: 'Start of the break (HH:MM), if there is one.', nullable: true })
  breakStart!: string | null;
  @Field(() => String, { description: 'End of the break (HH:MM), if there is one.', nullable: true })
  breakEnd!: string | null;
}

@ObjectType({ description: 'A dated change of hours: a holiday or a short day.' })
export class ScheduleException {
  @Field(() => DateScalar, { description: 'The day (branch-local).' })
  date!: string;
  @Field({ description: 'Whether the branch is closed the whole day.' })
  closed!: boolean;
  @Field(() => String, { description: 'Opening time that day (HH:MM), when open.', nullable: true })
  opens!: string | null;
  @Field(() => String, { description: 'Closing time that day (HH:MM), when open.', nullable: true })
  closes!: string | null;
  @Field(() => String, { description: 'Why (a holiday, a short day), shown to citizens.', nullable: true })
  note!: string | null;
}

@ObjectType({ implements: Node, description: 'An MFC office.' })
export class Branch extends Node {
  @Field({ description: 'The branch\'s name as on its sign.' })
  name!: string;
  regionCode!: string;
  @Field({ description: 'City, town or village.' })
  locality!: string;
  @Field({ description: 'Street address.' })
  address!: string;
  @Field(() => GeoPoint, { description: 'Coordinates, for maps and ordering by distance.' })
  location!: GeoPoint;
  @Field({ description: 'IANA time zone; hours are local to it.' })
  timezone!: string;
  @Field(() => String, { description: 'Contact phone, if any.', nullable: true })
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
  @Field(() => [Branch], { description: 'The branches of this page.' })
  nodes!: Branch[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many branches match, across all pages.' })
  totalCount!: number;
}
