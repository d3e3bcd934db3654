/** GraphQL inputs of personal documents. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { DocumentKind } from '../catalog/index.js';

@InputType({ description: 'A document as entered; series and number are checked per kind (SNILS and INN with their check digits).' })
export class DocumentInput {
  @Field(() => DocumentKind)
  kind!: DocumentKind;
  @Field(() => String, { nullable: true })
  series?: string | null;
  @Field()
  number!: string;
  @Field(() => String, { nullable: true })
  issuedBy?: string | null;
  @Field(() => DateScalar, { nullable: true })
  issuedAt?: string | null;
  @Field(() => DateScalar, { nullable: true })
  expiresAt?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Uploaded scans (POST /uploads); null keeps the current ones on update.' })
  attachmentIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'A dependant\'s document.' })
  dependantId?: string | null;
}
