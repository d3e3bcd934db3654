/** GraphQL inputs of the family module. Shapes only: the rules are family.rules.ts. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { DocumentInput } from '../documents/index.js';
import { DependantRelation } from './family.types.js';

@InputType({ description: 'A child under 18 or a ward, with the document that proves the relation.' })
export class DependantInput {
  @Field({ description: 'Last name, as in the document.' })
  lastName!: string;
  @Field({ description: 'First name, as in the document.' })
  firstName!: string;
  @Field(() => String, { description: 'Patronymic, if any.', nullable: true })
  middleName?: string | null;
  @Field(() => DateScalar, { description: 'A child\'s birth date is less than 18 years ago.' })
  birthDate!: string;
  @Field(() => DependantRelation, { description: 'Child under 18 (birth certificate) or ward (guardianship decision).' })
  relation!: DependantRelation;
  @Field(() => String, { nullable: true, description: 'SNILS, checked by its control number.' })
  snils?: string | null;
  @Field(() => DocumentInput, { description: 'Birth certificate (CHILD) or guardianship decision (WARD).' })
  document!: DocumentInput;
}

@InputType({ description: 'What to change: only the fields given; applied after an operator approves.' })
export class ProfileChangeInput {
  @Field(() => String, { description: 'The new last name, if it changes.', nullable: true })
  lastName?: string | null;
  @Field(() => String, { description: 'The new first name, if it changes.', nullable: true })
  firstName?: string | null;
  @Field(() => String, { description: 'The new patronymic, if it changes.', nullable: true })
  middleName?: string | null;
  @Field(() => DateScalar, { description: 'The new date of birth, if it changes.', nullable: true })
  birthDate?: string | null;
  @Field(() => DocumentInput, { nullable: true, description: 'The new passport RF (kind PASSPORT_RF); the old one is kept as history.' })
  passport?: DocumentInput | null;
  @Field(() => [ID], { description: 'Scans that prove the change (marriage certificate, new passport pages).' })
  attachmentIds!: string[];
  @Field(() => String, { nullable: true, description: 'A note to the operator.' })
  comment?: string | null;
}
