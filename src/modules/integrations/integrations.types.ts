/** GraphQL types of integrators: machine clients with API keys, webhook endpoints and their delivery log. */
import 'reflect-metadata';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { API_SCOPES } from '../../shared/auth/api-client.js';
import { DateTimeScalar, JSONScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { WEBHOOK_EVENT_TYPES } from '../../jobs/integration-events.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ApiScope = enumOf(API_SCOPES);
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What a machine client may do. Each root field an API client may call lists the scopes that allow it (README: Integrators).',
  valuesConfig: {
    CATALOG_READ: { description: 'Read the services catalog.' },
    LOAD_READ: { description: 'Read branches, their live load and the hall boards; events TICKET_CALLED and LOAD_ALERT.' },
    BOOKINGS_READ: { description: 'Booking events (BOOKING_*), without the citizen\'s personal data.' },
    APPLICATIONS_READ: { description: 'Application status events (APPLICATION_STATUS_CHANGED).' },
    APPLICATIONS_WRITE: { description: 'Change applications (reserved: no field accepts it yet).' },
    CHARGES_WRITE: { description: 'Issue and cancel charges; payment events (PAYMENT_*).' },
    WEBHOOKS_MANAGE: { description: 'Manage the client\'s own webhook endpoints.' },
    QUEUE_KIOSK: { description: 'Beyond the contract: the hall\'s kiosk issues walk-in tickets (issueWalkInTicket) at the branches the key is restricted to; a key restricted to no branch issues none.' },
  },
});

export const WebhookEventType = enumOf(WEBHOOK_EVENT_TYPES);
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'The events a webhook endpoint can receive; the payload `data` of each is described in the README (Webhooks).',
  valuesConfig: {
    BOOKING_CREATED: { description: 'A booking was made (waiting for confirmation). Scope BOOKINGS_READ.' },
    BOOKING_CONFIRMED: { description: 'A booking was confirmed. Scope BOOKINGS_READ.' },
    BOOKING_RESCHEDULED: { description: 'A booking moved to another time. Scope BOOKINGS_READ.' },
    BOOKING_CANCELLED: { description: 'A booking was cancelled (by the citizen, staff or the branch\'s hours). Scope BOOKINGS_READ.' },
    BOOKING_EXPIRED: { description: 'A booking was not confirmed in time. Scope BOOKINGS_READ.' },
    TICKET_CALLED: { description: 'A queue ticket was called to a window (number and window only). Scope LOAD_READ.' },
    APPLICATION_STATUS_CHANGED: { description: 'An application moved to another status. Scope APPLICATIONS_READ.' },
    PAYMENT_SUCCEEDED: { description: 'A payment was confirmed by the provider. Scope CHARGES_WRITE.' },
    PAYMENT_REFUNDED: { description: 'A payment was refunded. Scope CHARGES_WRITE.' },
    LOAD_ALERT: { description: 'A branch\'s load level changed. Scope LOAD_READ.' },
    TEST: { description: 'Beyond the contract: the event sendTestWebhook sends; never sent otherwise.' },
  },
});

export const WebhookDeliveryStatus = enumOf(['PENDING', 'SUCCEEDED', 'RETRYING', 'FAILED'] as const);
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Queued, not attempted yet.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    RETRYING: { description: 'An attempt failed; another is planned at nextAttemptAt.' },
    FAILED: { description: 'Given up: retries ran out (WEBHOOK_RETRY_HOURS), the endpoint is off, or the target is refused.' },
  },
});

@ObjectType({ implements: Node, description: 'A machine client. It authenticates with `Authorization: ApiKey <secret>`.' })
export class ApiClient extends Node {
  @Field({ description: 'A name to recognise it by.' })
  name!: string;
  @Field(() => [ApiScope], { description: 'What it may do.' })
  scopes!: string[];
  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  keyPrefix!: string;
  @Field(() => [ID], { description: 'Branches it may see (all when empty).' })
  branchIds!: string[];
  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last request with its key (written at most once per API_KEY_LAST_USED_WRITE_SECONDS).' })
  lastUsedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; its key no longer works.' })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'The secret is shown once.' })
export class ApiKeySecret {
  @Field(() => ApiClient, { description: 'The client the key belongs to.' })
  client!: ApiClient;
  @Field({ description: 'The key: send it as `Authorization: ApiKey <secret>`. It cannot be shown again.' })
  secret!: string;
}

@ObjectType({ implements: Node, description: 'One event sent (or being sent) to one endpoint: the delivery log.' })
export class WebhookDelivery extends Node {
  @Field(() => ID, { description: 'The event id: the webhook-id header, the same on every attempt and replay.' })
  eventId!: string;
  @Field(() => WebhookEventType, { description: 'The event type.' })
  event!: string;
  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status!: string;
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer (none when the endpoint did not answer).' })
  responseStatus!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;
  @Field(() => JSONScalar, { description: 'The body sent: {type, id, occurredAt, data}.' })
  payload!: unknown;
  @Field(() => DateTimeScalar, { description: 'When the delivery was created.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the endpoint answered 2xx.' })
  deliveredAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is planned.' })
  nextAttemptAt!: Date | null;
}

@ObjectType({ description: 'A page of deliveries, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDelivery], { description: 'The deliveries of this page.' })
  nodes!: WebhookDelivery[];
  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Deliveries matching the filter.' })
  totalCount!: number;
}

@ObjectType({
  implements: Node,
  description:
    'Events are POSTed as JSON signed by the Standard Webhooks scheme: headers webhook-id, webhook-timestamp and webhook-signature (v1, base64 HMAC-SHA256 of "id.timestamp.body" with the endpoint\'s secret).',
})
export class WebhookEndpoint extends Node {
  @Field({ description: 'Where events are POSTed.' })
  url!: string;
  @Field(() => [WebhookEventType], { description: 'The events it receives.' })
  events!: string[];
  @Field(() => [ID], { description: 'Only events of these branches (all when empty).' })
  branchIds!: string[];
  @Field({ description: 'Whether events are sent; switched off after WEBHOOK_DISABLE_AFTER_HOURS of failures.' })
  active!: boolean;
  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Beyond the contract: when it was switched off for failing.' })
  disabledAt!: Date | null;
}

@ObjectType({ description: 'A new endpoint with its signing secret.' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;
  @Field({ description: 'whsec_…, shown once.' })
  secret!: string;
}

@InputType({ description: 'A webhook endpoint: where, which events, which branches.' })
export class WebhookEndpointInput {
  @Field({ description: 'An https URL (http is accepted outside production); private addresses are refused in production.' })
  url!: string;
  @Field(() => [WebhookEventType], { description: 'The events to send (at least one).' })
  events!: string[];
  @Field(() => [ID], { nullable: true, description: 'Only events of these branches (all when empty or absent).' })
  branchIds?: string[] | null;
  @Field({ nullable: true, defaultValue: true, description: 'Switch it on or off (switching on resets its failure run).' })
  active?: boolean;
}
