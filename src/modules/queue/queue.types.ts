/** GraphQL types of the electronic queue and branch load. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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
