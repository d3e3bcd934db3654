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
registerEnumType(TicketStatus, { description: 'Where a queue ticket is: waiting, called, served or ended.', name: 'TicketStatus', valuesConfig: { CALLED: { description: 'Called to a window; the holder was told which one.' }, CANCELLED: { description: 'Cancelled by its holder or by the branch.' }, COMPLETED: { description: 'Served.' }, NO_SHOW: { description: 'Called but the holder did not come.' }, SERVING: { description: 'Being served at the window.' }, WAITING: { description: 'Waiting to be called; booked visitors go first.' } } });
registerEnumType(LoadLevel, { name: 'LoadLevel', description: 'People waiting per open window, against the configured thresholds.', valuesConfig: { HIGH: { description: 'Long wait: many people per open window.' }, LOW: { description: 'Little or no wait.' }, MEDIUM: { description: 'Some wait.' } } });

@ObjectType({ description: 'The live load of a branch, from its real queue.' })
export class BranchLoad {
  @Field(() => ID, { description: 'The branch.' })
  branchId!: string;
  @Field(() => Int, { description: 'Tickets waiting to be called.' })
  waiting!: number;
  @Field(() => Int, { description: 'Mean minutes from ticket to call over the last hour.' })
  averageWaitMinutes!: number;
  @Field(() => Int, { description: 'Windows open now.' })
  openWindows!: number;
  @Field(() => Int, { description: 'Open windows with nobody at them.' })
  freeWindows!: number;
  @Field(() => LoadLevel, { description: 'LOW, MEDIUM or HIGH against the configured thresholds.' })
  level!: LoadLevel;
  @Field(() => DateTimeScalar, { description: 'When the load last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A point of the load history.' })
export class BranchLoadSample {
  @Field(() => DateTimeScalar, { description: 'When the sample was taken.' })
  at!: Date;
  @Field(() => Int, { description: 'People waiting at that moment.' })
  waiting!: number;
  @Field(() => Int, { description: 'Average wait at that moment, in minutes.' })
  averageWaitMinutes!: number;
}

@ObjectType({ implements: Node, description: 'A ticket of the electronic queue.' })
export class QueueTicket extends Node {
  @Field({ description: 'Shown on the hall\'s board, e.g. A042.' })
  number!: string;
  branchId!: string;
  serviceId!: string;
  bookingId!: string | null;
  @Field(() => TicketStatus, { description: 'Where the ticket is.' })
  status!: TicketStatus;
  @Field(() => Int, { nullable: true, description: 'The window the ticket is called to.' })
  window!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the ticket was taken.' })
  issuedAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the ticket was called to a window.', nullable: true })
  calledAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the visit ended (completed or no-show).', nullable: true })
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
  @Field(() => Int, { description: 'The alert fires when this many people or fewer are waiting.' })
  maxWaiting!: number;
  @Field({ description: 'False once it has fired or was cancelled.' })
  active!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the alert was set.' })
  createdAt!: Date;
}
