/**
 * Builds the executable schema from every module's resolvers. Adding a module means adding its
 * resolvers here (and nothing else in the server). `emitSchemaFile` writes schema/schema.graphql
 * through scripts/emit-schema.ts; a test fails when the committed file differs.
 */
import 'reflect-metadata';
import { isInterfaceType, isUnionType, type GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, emitSchemaDefinitionFile, getMetadataStorage } from 'type-graphql';
import { AuthResolver } from '../modules/accounts/index.js';
import { ActivityConnectionResolver, ProfileResolver, StaffResolver } from '../modules/accounts/index.js';
import { BranchResolver, ServiceBranchesResolver, StaffBranchResolver } from '../modules/branches/index.js';
import { SearchResolver, ServiceCategoryResolver, ServiceResolver } from '../modules/catalog/index.js';
import { BoardResolver, BranchBoardResolver, BranchForecastResolver, BranchLoadResolver, ForecastResolver, LoadAlertResolver, QueueResolver, TicketActionsResolver } from '../modules/queue/index.js';
import { AccountUpdatesResolver } from '../modules/updates/index.js';
import { BookingReadinessResolver, BookingResolver, CalendarFeedResolver, RecommendationSlotResolver, SlotWatchResolver, TicketBookingResolver } from '../modules/bookings/index.js';
import { DocumentResolver, UserDocumentsResolver } from '../modules/documents/index.js';
import { ApplicationConnectionResolver, ApplicationResolver, ApplicationVersionResolver } from '../modules/applications/index.js';
import { NotificationResolver } from '../modules/notifications/index.js';
import { UserNotificationPreferencesResolver } from '../modules/accounts/index.js';
import { ChatResolver } from '../modules/chat/index.js';
import { FeedbackResolver } from '../modules/feedback/index.js';
import { SsoResolver } from '../modules/identity/index.js';
import { PasskeysResolver } from '../modules/identity/index.js';
import { CertificatesResolver, DocumentSignaturesResolver, SignatureResolver } from '../modules/identity/index.js';
import { DataAccessConnectionResolver, DataAccessResolver } from '../modules/privacy/index.js';
import { ApplicationDependantResolver, BookingDependantResolver, DependantResolver, ProfileChangeResolver, UserDependantsResolver } from '../modules/family/index.js';
import { ApplicationChargesResolver, ChargeResolver, PaymentResolver } from '../modules/payments/index.js';
import { ApiClientsResolver, WebhooksResolver } from '../modules/integrations/index.js';
import { authChecker } from '../shared/graphql/auth-checker.js';
import { guardInputs } from './input-guard.js';
import { NodeResolver } from './nodes.js';
import { describeRootTypes } from './root-descriptions.js';

export const resolvers = [
  NodeResolver,
  AuthResolver,
  ProfileResolver,
  StaffResolver,
  ActivityConnectionResolver,
  ServiceResolver,
  ServiceCategoryResolver,
  SearchResolver,
  BranchResolver,
  ServiceBranchesResolver,
  StaffBranchResolver,
  QueueResolver,
  LoadAlertResolver,
  BranchLoadResolver,
  TicketActionsResolver,
  BoardResolver,
  BranchBoardResolver,
  ForecastResolver,
  BranchForecastResolver,
  BookingResolver,
  RecommendationSlotResolver,
  BookingReadinessResolver,
  AccountUpdatesResolver,
  TicketBookingResolver,
  CalendarFeedResolver,
  SlotWatchResolver,
  DocumentResolver,
  UserDocumentsResolver,
  ApplicationResolver,
  ApplicationVersionResolver,
  ApplicationConnectionResolver,
  NotificationResolver,
  UserNotificationPreferencesResolver,
  ChatResolver,
  FeedbackResolver,
  SsoResolver,
  PasskeysResolver,
  SignatureResolver,
  CertificatesResolver,
  DocumentSignaturesResolver,
  DataAccessResolver,
  DataAccessConnectionResolver,
  DependantResolver,
  UserDependantsResolver,
  BookingDependantResolver,
  ApplicationDependantResolver,
  ProfileChangeResolver,
  ChargeResolver,
  PaymentResolver,
  ApplicationChargesResolver,
  ApiClientsResolver,
  WebhooksResolver,
] as const;

/**
 * The schema. `instances` are the resolvers the modules constructed with their services
 * (src/app.ts collects them); type-graphql asks this container for a resolver class's instance.
 * Emitting the SDL needs none (nothing is resolved then).
 */
export async function createSchema(opts: { emitSchemaFile?: string; instances?: readonly object[] } = {}): Promise<GraphQLSchema> {
  plainFieldsReadDirectly();
  const byClass = new Map<unknown, object>((opts.instances ?? []).map((i) => [i.constructor, i]));
  const schema = await buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    container: {
      get(someClass: new () => object) {
        const instance = byClass.get(someClass);
        // Only the schema's SDL can be made without instances (nothing resolves then).
        if (!instance) throw new Error(`resolver ${someClass.name} has no instance: its module must construct it`);
        return instance;
      },
    },
    // Every subscription brings its own `subscribe` over the Redis-backed pubsub of src/app.ts;
    // type-graphql still wants a pubSub to build the schema, so an in-memory one stands in.
    pubSub: createPubSub(),
    validate: false,
    emitSchemaFile: false,
  });
  describeRootTypes(schema);
  typesResolvedSynchronously(schema);
  if (opts.emitSchemaFile) await emitSchemaDefinitionFile(opts.emitSchemaFile, schema, { sortedSchema: true });
  return guardInputs(schema);
}

/**
 * A plain data field (no field resolver, middleware or role check, the property named as the
 * field) is read by graphql-js's default resolver rather than type-graphql's wrapper, which made a
 * closure, an object and a middleware pass for every field of every object: a branch list reads
 * some two thousand such fields. type-graphql's own `simple` option, set for every field it fits.
 */
function plainFieldsReadDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && (field.middlewares?.length ?? 0) === 0 && field.roles === undefined && field.name === field.schemaName) field.simple = true;
  }
}

/**
 * type-graphql wraps a union's or interface's own resolveType in an async function (its answer may
 * be a class); a compiled executor (src/server/executor.ts) takes the type's name at once, so the
 * same function is wrapped synchronously: a class becomes its GraphQL name, a promise is awaited.
 */
function typesResolvedSynchronously(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const nameOf = (found: unknown): string | undefined =>
    typeof found === 'string' ? found : storage.objectTypes.find((o) => o.target === found)?.name;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isUnionType(type) && !isInterfaceType(type)) continue;
    const own = (isUnionType(type) ? storage.unions : storage.interfaceTypes).find((m) => m.name === type.name)?.resolveType;
    if (!own) continue;
    type.resolveType = (value, context, info, abstractType) => {
      const found: unknown = own(value, context, info, abstractType);
      return found instanceof Promise ? found.then(nameOf) : nameOf(found);
    };
  }
}
