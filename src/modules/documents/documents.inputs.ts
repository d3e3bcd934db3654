/** GraphQL inputs of personal documents. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { DocumentKind } from '../catalog/index.js';

@InputType({ description: 'A document as entered; series and number are checked per kind (SNILS and INN with their check digits).' })
export class DocumentInput {
  @Field(() => DocumentKind, { description: 'What document it is.' })
  kind!: DocumentKind;
  @Field(() => String, { description: 'The series: passport 4 digits; empty for documents without one.', nullable: true })
  series?: string | null;
  @Field({ description: 'The number: passport 6 digits, SNILS 11 digits with checksum, INN 10 or 12 digits with check digits.' })
  number!: string;
  @Field(() => String, { description: 'The issuing authority, as printed.', nullable: true })
  issuedBy?: string | null;
  @Field(() => DateScalar, { description: 'Issue date, not in the future.', nullable: true })
  issuedAt?: string | null;
  @Field(() => DateScalar, { description: 'Last day of validity, if the document has one; an expired document cannot be added.', nullable: true })
  expiresAt?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Uploaded scans (POST /uploads); null keeps the current ones on update.' })
  attachmentIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'A dependant\'s document.' })
  dependantId?: string | null;
}
