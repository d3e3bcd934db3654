/** GraphQL types of the privacy module: the citizen's data access log. */
import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Role } from '../accounts/index.js';

@ObjectType({ implements: Node, description: "Who on the staff looked at or changed the citizen's data." })
export class DataAccessEntry extends Node {
  @Field(() => DateTimeScalar, { description: 'When the staff member read the data.' })
  at!: Date;
  @Field(() => Role, { description: 'The reader\'s role (OPERATOR or ADMIN).' })
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
  @Field(() => [DataAccessEntry], { description: 'The entries of this page, newest first.' })
  nodes!: DataAccessEntry[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All entries, counted only when asked for.' })
  totalCount!: number;

  /** Counts lazily: most clients never ask for totalCount. */
  countTotal!: () => Promise<number>;
}
