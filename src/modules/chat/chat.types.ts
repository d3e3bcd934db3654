/** GraphQL types of chats with an operator. */
import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node } from '../../shared/graphql/relay.js';

@ObjectType({ implements: Node, description: 'One message of a chat.' })
export class ChatMessage extends Node {
  @Field(() => ID, { description: 'The chat it belongs to.' })
  threadId!: string;
  @Field({ description: 'CITIZEN, OPERATOR or SYSTEM.' })
  authorRole!: string;
  @Field({ description: 'Who wrote it: staff by first name only, the citizen by full name.' })
  authorName!: string;
  @Field({ description: 'The message, plain text (at most CHAT_MESSAGE_MAX_LENGTH, 2000 characters by default).' })
  text!: string;
  @Field(() => DateTimeScalar, { description: 'When it was sent.' })
  createdAt!: Date;
}

@ObjectType({ implements: Node, description: 'A conversation between a citizen and the operators of a branch, optionally about an application.' })
export class ChatThread extends Node {
  @Field({ description: 'What the chat is about, as the citizen wrote it.' })
  subject!: string;
  @Field(() => ID, { description: 'The application the chat is about, if any.', nullable: true })
  applicationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Beyond the contract: the branch whose operators answer; null for the general line.' })
  branchId!: string | null;
  @Field({ description: 'Whether messages may still be sent.' })
  open!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the chat was opened.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Beyond the contract: time of the latest message.' })
  lastMessageAt!: Date;
}
