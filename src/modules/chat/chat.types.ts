/** GraphQL types of chats with an operator. */
import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node } from '../../shared/graphql/relay.js';

@ObjectType({ implements: Node, description: 'One message of a chat.' })
export class ChatMessage extends Node {
  @Field(() => ID)
  threadId!: string;
  @Field({ description: 'CITIZEN, OPERATOR or SYSTEM.' })
  authorRole!: string;
  @Field()
  authorName!: string;
  @Field()
  text!: string;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ implements: Node, description: 'A conversation between a citizen and the operators of a branch, optionally about an application.' })
export class ChatThread extends Node {
  @Field()
  subject!: string;
  @Field(() => ID, { nullable: true })
  applicationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Beyond the contract: the branch whose operators answer; null for the general line.' })
  branchId!: string | null;
  @Field()
  open!: boolean;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Beyond the contract: time of the latest message.' })
  lastMessageAt!: Date;
}
