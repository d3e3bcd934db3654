/** GraphQL inputs of branches. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';

@InputType()
export class GeoPointInput {
  @Field(() => Float)
  lat!: number;
  @Field(() => Float)
  lon!: number;
}

@InputType({ description: 'Filters of the branch list; all given ones apply.' })
export class BranchFilter {
  @Field(() => String, { nullable: true })
  regionCode?: string | null;
  @Field(() => String, { nullable: true })
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

@InputType()
export class WorkingHoursInput {
  @Field(() => Int)
  weekday!: number;
  @Field()
  opens!: string;
  @Field()
  closes!: string;
  @Field(() => String, { nullable: true })
  breakStart?: string | null;
  @Field(() => String, { nullable: true })
  breakEnd?: string | null;
}

@InputType()
export class ScheduleExceptionInput {
  @Field(() => DateScalar)
  date!: string;
  @Field()
  closed!: boolean;
  @Field(() => String, { nullable: true })
  opens?: string | null;
  @Field(() => String, { nullable: true })
  closes?: string | null;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class BranchInput {
  @Field()
  name!: string;
  @Field()
  regionCode!: string;
  @Field(() => String, { nullable: true, description: 'Creates or renames the region.' })
  regionName?: string | null;
  @Field()
  locality!: string;
  @Field()
  address!: string;
  @Field(() => GeoPointInput)
  location!: GeoPointInput;
  @Field()
  timezone!: string;
  @Field(() => String, { nullable: true })
  phone?: string | null;
  @Field(() => Int)
  windows!: number;
  @Field(() => [WorkingHoursInput], { nullable: true, description: 'Default: Mon-Fri 09:00-18:00, Sat 10:00-15:00, Sun closed.' })
  workingHours?: WorkingHoursInput[] | null;
}
