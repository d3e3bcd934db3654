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
  description: 'Where a document is in its check: not sent for review (no scans), waiting for an operator, confirmed, or refused.', valuesConfig: { PENDING: { description: 'Waiting for an operator\'s check.' }, REJECTED: { description: 'An operator found it wrong; see the reason.' }, UNVERIFIED: { description: 'Entered but not sent for a check (no scans yet).' }, VERIFIED: { description: 'An operator checked it against its scans.' } },
});

@ObjectType({ implements: Node, description: 'An uploaded file (PDF, JPEG or PNG scan, at most 5 MB by default).' })
export class Attachment extends Node {
  @Field({ description: 'The file\'s name as uploaded.' })
  fileName!: string;
  @Field({ description: 'Detected from the file\'s content.' })
  contentType!: string;
  @Field(() => Int, { description: 'Bytes.' })
  size!: number;
  @Field({ description: 'SHA-256 of the content, hex.' })
  sha256!: string;
  @Field({ description: 'Download address on this server, signed for the caller: opens without a header for FILE_LINK_TTL_SECONDS and dies with the session (a bearer token opens the address without its query too).' })
  url!: string;
  @Field(() => DateTimeScalar, { description: 'When the file was uploaded.' })
  createdAt!: Date;
}

@ObjectType({ implements: Node, description: 'A personal document of the citizen: passport, SNILS, INN, licence…' })
export class PersonalDocument extends Node {
  userId!: string;
  @Field(() => DocumentKind, { description: 'What document it is.' })
  kind!: DocumentKind;
  @Field(() => String, { description: 'The series (passport 4 digits), if the document has one.', nullable: true })
  series!: string | null;
  @Field({ description: 'The number (passport 6 digits, SNILS 11, INN 10 or 12).' })
  number!: string;
  @Field(() => String, { description: 'The issuing authority, as printed.', nullable: true })
  issuedBy!: string | null;
  @Field(() => DateScalar, { description: 'Issue date.', nullable: true })
  issuedAt!: string | null;
  @Field(() => DateScalar, { description: 'Last day of validity, if it has one; the owner is reminded 30 days before.', nullable: true })
  expiresAt!: string | null;
  @Field({ description: 'Whether the validity has ended (Moscow calendar day).' })
  expired!: boolean;
  @Field(() => Boolean, { description: 'Expires within the reminder period (30 days by default).' })
  expiresSoon!: boolean;
  @Field(() => VerificationStatus, { description: 'Whether an operator checked it against its scans.' })
  verificationStatus!: VerificationStatus;
  @Field(() => String, { description: 'Why an operator rejected it, when REJECTED.', nullable: true })
  rejectionReason!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the document was added.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed.' })
  updatedAt!: Date;
}
