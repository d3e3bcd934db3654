/** GraphQL types of the privacy module: the citizen's data access log. */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Role } from '../accounts/index.js';

@ObjectType({ implements: Node, description: "Who on the staff looked at or changed the citizen's data." })
export class DataAccessEntry extends Node {
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => Role)
  staffRole!: Role;
  @Field({ description: 'VIEW_PROFILE, VIEW_DOCUMENT, REVIEW_DOCUMENT, OPEN_FILE, CONFIRM_IDENTITY, VIEW_APPLICATION.' })
  action!: string;
  @Field({ description: 'What was looked at: a document kind, an application number, a file name.' })
  subject!: string;

  staffId!: string;
  branchId!: string | null;
}

@ObjectType({ description: "A page of the data access log, newest first." })
export class DataAccessConnection {
  @Field(() => [DataAccessEntry])
  nodes!: DataAccessEntry[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All entries, counted only when asked for.' })
  totalCount!: number;

  /** Counts lazily: most clients never ask for totalCount. */
  countTotal!: () => Promise<number>;
}
