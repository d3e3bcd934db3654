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
registerEnumType(ServiceKind, { name: 'ServiceKind', description: 'What a service produces.', valuesConfig: { APPLICATION: { description: 'An application processed by the authority (a benefit, a permit).' }, CERTIFICATE: { description: 'A certificate or extract.' }, CONSULTATION: { description: 'Advice, no document produced.' }, DOCUMENT_ISSUE: { description: 'Issue or replacement of an identity document.' }, PAYMENT: { description: 'A payment of state fees or charges.' }, REGISTRATION: { description: 'A registration (residence, vehicle, property).' } } });
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'Kinds of personal documents.',
  valuesConfig: { VEHICLE_REGISTRATION: { description: 'Vehicle registration certificate.' }, SNILS: { description: 'Pension insurance number (SNILS).' }, PASSPORT_RF: { description: 'Internal passport of the Russian Federation.' }, OMS_POLICY: { description: 'Compulsory medical insurance policy (OMS).' }, MILITARY_ID: { description: 'Military ID (voenny bilet).' }, INN: { description: 'Taxpayer number certificate (INN).' }, FOREIGN_PASSPORT: { description: 'Passport for travel abroad (zagranpasport).' }, DRIVER_LICENSE: { description: 'Driver\'s licence.' }, BIRTH_CERTIFICATE: { description: 'Birth certificate (for children; proves a dependant).' }, GUARDIANSHIP_DECISION: { description: 'A guardianship authority\'s decision appointing the guardian (a ward\'s document).' } },
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
  @Field(() => Money, { description: 'The fee before any online discount.' })
  amount!: Money;
  @Field(() => Money, { description: 'What the fee costs when paid through the personal account.' })
  onlineAmount!: Money;
}

@ObjectType({ description: 'A document the applicant brings or attaches.' })
export class RequiredDocument {
  @Field(() => DocumentKind, { nullable: true, description: 'The personal document kind, when it is one.' })
  kind!: DocumentKind | null;
  @Field({ description: 'The document\'s name.' })
  title!: string;
  @Field(() => String, { description: 'More about the document (which pages, originals or copies).', nullable: true })
  description!: string | null;
  @Field({ description: 'Whether the application may go without it.' })
  optional!: boolean;
}

@ObjectType({ implements: Node, description: 'A group of services: passports, family, transport...' })
export class ServiceCategory extends Node {
  @Field({ description: 'Stable URL-friendly name of the category.' })
  slug!: string;
  @Field({ description: 'The category\'s name.' })
  title!: string;
}

@ObjectType({ implements: Node, description: 'A public service that can be applied for or booked.' })
export class Service extends Node {
  @Field({ description: 'Stable short code of the service (e.g. passport-rf), usable with `service(code:)`.' })
  code!: string;
  @Field({ description: 'The service\'s name.' })
  title!: string;
  @Field({ description: 'What the service is and who may apply, plain text.' })
  description!: string;
  categoryId!: string;
  @Field(() => ServiceKind, { description: 'What the service produces.' })
  kind!: ServiceKind;
  @Field(() => [RequiredDocument], { description: 'The documents to bring or attach (counted as 20 in the query cost).' })
  requiredDocuments!: RequiredDocument[];
  @Field(() => Int, { description: 'Working days from submission to result.' })
  processingDays!: number;
  feeAmount!: string | null;
  @Field({ description: 'Whether it can be done fully online.' })
  availableOnline!: boolean;
  @Field({ description: 'Whether a visit needs a booking (else a queue ticket will do).' })
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
  @Field(() => [Service], { description: 'The services of this page.' })
  nodes!: Service[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many services match, across all pages.' })
  totalCount!: number;
}
