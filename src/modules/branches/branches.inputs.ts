/** GraphQL inputs of branches. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';

@InputType({ description: 'A point on the map (WGS 84).' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude in degrees, -90 to 90.' })
  lat!: number;
  @Field(() => Float, { description: 'Longitude in degrees, -180 to 180.' })
  lon!: number;
}

@InputType({ description: 'Filters of the branch list; all given ones apply.' })
export class BranchFilter {
  @Field(() => String, { description: 'Only branches in this region (its code).', nullable: true })
  regionCode?: string | null;
  @Field(() => String, { description: 'Only branches in this locality (exact name).', nullable: true })
  locality?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only branches offering this service.' })
  serviceId?: string | null;
  @Field(() => GeoPointInput, { nullable: true, description: 'Measure distances from here (distanceKm).' })
  near?: GeoPointInput | null;
  @Field(() => Float, { nullable: true, description: 'With near: only branches this close.' })
  radiusKm?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Only branches open right now, in their own time zone.' })
  openNow?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Words of the name or address.' })
  search?: string | null;
}

@InputType({ description: 'A branch\'s hours on one weekday.' })
export class WorkingHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday to 7 Sunday.' })
  weekday!: number;
  @Field({ description: 'Opening time (HH:MM).' })
  opens!: string;
  @Field({ description: 'Closing time (HH:MM), after opens.' })
  closes!: string;
  @Field(() => String, { description: 'Start of the break (HH:MM), with breakEnd.', nullable: true })
  breakStart?: string | null;
  @Field(() => String, { description: 'End of the break (HH:MM), with breakStart.', nullable: true })
  breakEnd?: string | null;
}

@InputType({ description: 'One dated change of a branch\'s hours.' })
export class ScheduleExceptionInput {
  @Field(() => DateScalar, { description: 'The day (branch-local).' })
  date!: string;
  @Field({ description: 'Closed the whole day (then opens/closes are ignored).' })
  closed!: boolean;
  @Field(() => String, { description: 'Opening time (HH:MM), when open.', nullable: true })
  opens?: string | null;
  @Field(() => String, { description: 'Closing time (HH:MM), when open.', nullable: true })
  closes?: string | null;
  @Field(() => String, { description: 'Why, shown to citizens (optional).', nullable: true })
  note?: string | null;
}

@InputType({ description: 'A branch\'s data (admins).' })
export class BranchInput {
  @Field({ description: 'The branch\'s name.' })
  name!: string;
  @Field({ description: 'The region\'s code.' })
  regionCode!: string;
  @Field(() => String, { nullable: true, description: 'Creates or renames the region.' })
  regionName?: string | null;
  @Field({ description: 'City, town or village.' })
  locality!: string;
  @Field({ description: 'Street address.' })
  address!: string;
  @Field(() => GeoPointInput, { description: 'Coordinates.' })
  location!: GeoPointInput;
  @Field({ description: 'IANA time zone, e.g. Europe/Moscow; slots and hours are in it.' })
  timezone!: string;
  @Field(() => String, { description: 'Contact phone (optional).', nullable: true })
  phone?: string | null;
  @Field(() => Int, { description: 'Number of service windows (desks), 1 to 200.' })
  windows!: number;
  @Field(() => [WorkingHoursInput], { nullable: true, description: 'Default: Mon-Fri 09:00-18:00, Sat 10:00-15:00, Sun closed.' })
  workingHours?: WorkingHoursInput[] | null;
}
