/** GraphQL inputs of the accounts module. Shapes only: the rules live in the services. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { Role } from './accounts.types.js';

/** What every new account states about its holder: contacts, password and name. */
@InputType()
abstract class NewPersonInput {
  @Field()
  phone!: string;
  @Field(() => String, { nullable: true })
  email?: string | null;
  @Field()
  password!: string;
  @Field()
  lastName!: string;
  @Field()
  firstName!: string;
  @Field(() => String, { nullable: true })
  middleName?: string | null;
}

@InputType({ description: 'A new citizen account; a code goes to the phone.' })
export class RegisterInput extends NewPersonInput {
  @Field()
  acceptTerms!: boolean;
}

@InputType()
export class LoginInput {
  @Field({ description: 'Phone, e-mail, SNILS or INN.' })
  login!: string;
  @Field()
  password!: string;
}

@InputType({ description: 'Profile fields the citizen may edit; an absent field is left as it is, null clears it.' })
export class UpdateProfileInput {
  @Field(() => DateScalar, { nullable: true, description: 'Set once while empty; after that it changes only through requestProfileChange (BAD_USER_INPUT otherwise).' })
  birthDate?: string | null;
  @Field(() => String, { nullable: true })
  snils?: string | null;
  @Field(() => String, { nullable: true })
  inn?: string | null;
  @Field(() => String, { nullable: true })
  registrationAddress?: string | null;
  @Field(() => String, { nullable: true })
  residentialAddress?: string | null;
}

@InputType({ description: 'A staff account made by an administrator.' })
export class StaffUserInput extends NewPersonInput {
  @Field(() => Role)
  role!: Role;
  @Field(() => ID, { nullable: true, description: 'The branch an operator works at.' })
  branchId?: string | null;
}
