/** GraphQL types of the services catalog. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { TrustLevel } from '../accounts/index.js';

export enum ServiceKind {
  DOCUMENT_ISSUE = 'DOCUMENT_ISSUE',
  CERTIFICATE = 'CERTIFICATE',
  REGISTRATION = 'REGISTRATION',
  APPLICATION = 'APPLICATION',
  CONSULTATION = 'CONSULTATION',
  PAYMENT = 'PAYMENT',
}
export enum DocumentKind {
  PASSPORT_RF = 'PASSPORT_RF',
  FOREIGN_PASSPORT = 'FOREIGN_PASSPORT',
  SNILS = 'SNILS',
  INN = 'INN',
  OMS_POLICY = 'OMS_POLICY',
  DRIVER_LICENSE = 'DRIVER_LICENSE',
  BIRTH_CERTIFICATE = 'BIRTH_CERTIFICATE',
  MILITARY_ID = 'MILITARY_ID',
  VEHICLE_REGISTRATION = 'VEHICLE_REGISTRATION',
  GUARDIANSHIP_DECISION = 'GUARDIANSHIP_DECISION',
}
registerEnumType(ServiceKind, { name: 'ServiceKind', description: 'What a service produces.' });
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'Kinds of personal documents.',
  valuesConfig: { GUARDIANSHIP_DECISION: { description: 'A guardianship authority\'s decision appointing the guardian (a ward\'s document).' } },
});

@ObjectType({ description: 'An amount of money.' })
export class Money {
  @Field({ description: 'Decimal string, e.g. "3500.00".' })
  amount!: string;
  @Field({ description: 'ISO 4217 code: RUB.' })
  currency!: string;
}

@ObjectType({ description: 'The state fee of a service.' })
export class Fee {
  @Field(() => Money)
  amount!: Money;
  @Field(() => Money, { description: 'What the fee costs when paid through the personal account.' })
  onlineAmount!: Money;
}

@ObjectType({ description: 'A document the applicant brings or attaches.' })
export class RequiredDocument {
  @Field(() => DocumentKind, { nullable: true, description: 'The personal document kind, when it is one.' })
  kind!: DocumentKind | null;
  @Field()
  title!: string;
  @Field(() => String, { nullable: true })
  description!: string | null;
  @Field()
  optional!: boolean;
}

@ObjectType({ implements: Node, description: 'A group of services: passports, family, transport...' })
export class ServiceCategory extends Node {
  @Field()
  slug!: string;
  @Field()
  title!: string;
}

@ObjectType({ implements: Node, description: 'A public service that can be applied for or booked.' })
export class Service extends Node {
  @Field()
  code!: string;
  @Field()
  title!: string;
  @Field()
  description!: string;
  categoryId!: string;
  @Field(() => ServiceKind)
  kind!: ServiceKind;
  @Field(() => [RequiredDocument])
  requiredDocuments!: RequiredDocument[];
  @Field(() => Int, { description: 'Working days from submission to result.' })
  processingDays!: number;
  feeAmount!: string | null;
  @Field()
  availableOnline!: boolean;
  @Field()
  requiresAppointment!: boolean;
  @Field(() => TrustLevel, { description: 'The lowest account level the service accepts.' })
  minTrustLevel!: TrustLevel;
  @Field(() => Int, { description: 'Length of an appointment, a multiple of 15 minutes.' })
  appointmentMinutes!: number;
  @Field(() => JSONScalar, { nullable: true, description: 'JSON Schema of the application\'s data for this service.' })
  applicationForm!: Record<string, unknown> | null;
  @Field({ description: 'Archived services are not offered any more.' })
  archived!: boolean;
}

@ObjectType({ description: 'A page of services.' })
export class ServiceConnection {
  @Field(() => [Service])
  nodes!: Service[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int)
  totalCount!: number;
}
