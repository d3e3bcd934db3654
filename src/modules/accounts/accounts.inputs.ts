/** GraphQL inputs of the accounts module. Shapes only: the rules live in the services. */
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { Role } from './accounts.types.js';

/** What every new account states about its holder: contacts, password and name. */
@InputType()
abstract class NewPersonInput {
  @Field({ description: 'Phone in international format (+7...), the login; a citizen gets an SMS code to it.' })
  phone!: string;
  @Field(() => String, { description: 'E-mail (optional; confirmed later with a code).', nullable: true })
  email?: string | null;
  @Field({ description: 'At least 8 characters with upper- and lower-case letters, a digit and a special character; common passwords are refused.' })
  password!: string;
  @Field({ description: 'Last name (surname).' })
  lastName!: string;
  @Field({ description: 'First (given) name.' })
  firstName!: string;
  @Field(() => String, { description: 'Patronymic, if any.', nullable: true })
  middleName?: string | null;
}

@InputType({ description: 'A new citizen account; a code goes to the phone.' })
export class RegisterInput extends NewPersonInput {
  @Field({ description: 'Must be true: the user accepts the terms of use and personal data processing.' })
  acceptTerms!: boolean;
}

@InputType({ description: 'A password login.' })
export class LoginInput {
  @Field({ description: 'Phone, e-mail, SNILS or INN.' })
  login!: string;
  @Field({ description: 'The password.' })
  password!: string;
}

@InputType({ description: 'Profile fields the citizen may edit; an absent field is left as it is, null clears it.' })
export class UpdateProfileInput {
  @Field(() => DateScalar, { nullable: true, description: 'Set once while empty; after that it changes only through requestProfileChange (BAD_USER_INPUT otherwise).' })
  birthDate?: string | null;
  @Field(() => String, { description: 'SNILS, 11 digits with checksum (dashes and spaces allowed).', nullable: true })
  snils?: string | null;
  @Field(() => String, { description: 'Taxpayer number, 12 digits with check digits.', nullable: true })
  inn?: string | null;
  @Field(() => String, { description: 'Address of permanent registration.', nullable: true })
  registrationAddress?: string | null;
  @Field(() => String, { description: 'Where the user actually lives.', nullable: true })
  residentialAddress?: string | null;
}

@InputType({ description: 'A staff account made by an administrator.' })
export class StaffUserInput extends NewPersonInput {
  @Field(() => Role, { description: 'OPERATOR or ADMIN.' })
  role!: Role;
  @Field(() => ID, { nullable: true, description: 'The branch an operator works at.' })
  branchId?: string | null;
}
