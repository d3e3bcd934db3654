/** GraphQL types of the electronic queue and branch load. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node } from '../../shared/graphql/relay.js';

export enum TicketStatus {
  WAITING = 'WAITING',
  CALLED = 'CALLED',
  SERVING = 'SERVING',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}
export enum LoadLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(LoadLevel, { name: 'LoadLevel', description: 'People waiting per open window, against the configured thresholds.' });

@ObjectType({ description: 'The live load of a branch, from its real queue.' })
export class BranchLoad {
  @Field(() => ID)
  branchId!: string;
  @Field(() => Int, { description: 'Tickets waiting to be called.' })
  waiting!: number;
  @Field(() => Int, { description: 'Mean minutes from ticket to call over the last hour.' })
  averageWaitMinutes!: number;
  @Field(() => Int)
  openWindows!: number;
  @Field(() => Int, { description: 'Open windows with nobody at them.' })
  freeWindows!: number;
  @Field(() => LoadLevel)
  level!: LoadLevel;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ description: 'A point of the load history.' })
export class BranchLoadSample {
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => Int)
  waiting!: number;
  @Field(() => Int)
  averageWaitMinutes!: number;
}

@ObjectType({ implements: Node, description: 'A ticket of the electronic queue.' })
export class QueueTicket extends Node {
  @Field({ description: 'Shown on the hall\'s board, e.g. A042.' })
  number!: string;
  branchId!: string;
  serviceId!: string;
  bookingId!: string | null;
  @Field(() => TicketStatus)
  status!: TicketStatus;
  @Field(() => Int, { nullable: true, description: 'The window the ticket is called to.' })
  window!: number | null;
  @Field(() => DateTimeScalar)
  issuedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true })
  calledAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Alert the holder when this many people or fewer are ahead.' })
  alertWhenAhead!: number | null;
}

@ObjectType({ description: 'What the hall\'s board shows: no personal data.' })
export class CalledTicket {
  @Field(() => ID, { description: 'The branch whose hall shows it.' })
  branchId!: string;
  @Field({ description: 'The ticket\'s number, e.g. A042.' })
  number!: string;
  @Field(() => Int, { description: 'The window the ticket is called to.' })
  window!: number;
  @Field(() => DateTimeScalar, { description: 'When it was called (again, for a recall).' })
  calledAt!: Date;
}

@ObjectType({ description: 'Expected waiting at a branch over one hour of a day, from its history.' })
export class VisitForecast {
  @Field(() => DateTimeScalar, { description: 'Start of the hour.' })
  from!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the hour.' })
  to!: Date;
  @Field(() => Int, { description: 'Mean wait of this hour of the week over the kept history (0 without history).' })
  expectedWaitMinutes!: number;
  @Field(() => LoadLevel, { description: 'Level from the mean people waiting per open window (LOW without history).' })
  level!: LoadLevel;
  @Field(() => Int, { description: 'Free appointment places of the service in this hour (0 when no service was given).' })
  freeSlots!: number;
}

@ObjectType({ description: 'A branch recommended for a service near a point: distance, wait now and the next free place.' })
export class BranchRecommendation {
  branchId!: string;
  @Field(() => Float, { nullable: true, description: 'Kilometres from the given point.' })
  distanceKm!: number | null;
  @Field(() => Int, { description: 'Expected wait for a walk-in now (live queue).' })
  waitNowMinutes!: number;
  /** The earliest free place (GraphQL field nextFreeSlot, resolved by the bookings module, which owns Slot). */
  nextFreePlace!: { startsAt: Date; endsAt: Date; capacity: number; available: number } | null;
}

@ObjectType({ implements: Node, description: 'A request to be told when a branch\'s queue is short enough.' })
export class LoadAlert extends Node {
  branchId!: string;
  @Field(() => Int)
  maxWaiting!: number;
  @Field({ description: 'False once it has fired or was cancelled.' })
  active!: boolean;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
