/** GraphQL types of personal documents and files. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node } from '../../shared/graphql/relay.js';
import { DocumentKind } from '../catalog/index.js';

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'Where a document is in its check: not sent for review (no scans), waiting for an operator, confirmed, or refused.',
});

@ObjectType({ implements: Node, description: 'An uploaded file (PDF, JPEG or PNG scan, at most 5 MB by default).' })
export class Attachment extends Node {
  @Field()
  fileName!: string;
  @Field({ description: 'Detected from the file\'s content.' })
  contentType!: string;
  @Field(() => Int, { description: 'Bytes.' })
  size!: number;
  @Field({ description: 'SHA-256 of the content, hex.' })
  sha256!: string;
  @Field({ description: 'Download address on this server, signed for the caller: opens without a header for FILE_LINK_TTL_SECONDS and dies with the session (a bearer token opens the address without its query too).' })
  url!: string;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ implements: Node, description: 'A personal document of the citizen: passport, SNILS, INN, licence…' })
export class PersonalDocument extends Node {
  userId!: string;
  @Field(() => DocumentKind)
  kind!: DocumentKind;
  @Field(() => String, { nullable: true })
  series!: string | null;
  @Field()
  number!: string;
  @Field(() => String, { nullable: true })
  issuedBy!: string | null;
  @Field(() => DateScalar, { nullable: true })
  issuedAt!: string | null;
  @Field(() => DateScalar, { nullable: true })
  expiresAt!: string | null;
  @Field({ description: 'Whether the validity has ended (Moscow calendar day).' })
  expired!: boolean;
  @Field(() => Boolean, { description: 'Expires within the reminder period (30 days by default).' })
  expiresSoon!: boolean;
  @Field(() => VerificationStatus)
  verificationStatus!: VerificationStatus;
  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
