/**
 * Builds the executable schema from every module's resolvers. Adding a module means adding its
 * resolvers here (and nothing else in the server). `emitSchemaFile` writes schema/schema.graphql
 * through scripts/emit-schema.ts; a test fails when the committed file differs.
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../modules/accounts/auth.resolver.js';
import { ActivityConnectionResolver, ProfileResolver } from '../modules/accounts/profile.resolver.js';
import { BranchResolver, ServiceBranchesResolver, StaffBranchResolver } from '../modules/branches/branches.resolver.js';
import { ServiceCategoryResolver, ServiceResolver } from '../modules/catalog/catalog.resolver.js';
import { BranchLoadResolver, LoadAlertResolver, QueueResolver } from '../modules/queue/queue.resolver.js';
import { BookingResolver, SlotWatchResolver, TicketBookingResolver } from '../modules/bookings/bookings.resolver.js';
import { DocumentResolver, UserDocumentsResolver } from '../modules/documents/documents.resolver.js';
import { ApplicationConnectionResolver, ApplicationResolver, ApplicationVersionResolver } from '../modules/applications/applications.resolver.js';
import { NotificationResolver, UserNotificationPreferencesResolver } from '../modules/notifications/notifications.resolver.js';
import { ChatResolver } from '../modules/chat/chat.resolver.js';
import { FeedbackResolver } from '../modules/feedback/feedback.resolver.js';
import { SsoResolver } from '../modules/identity/sso.resolver.js';
import { PasskeysResolver } from '../modules/identity/passkeys.resolver.js';
import { SignatureResolver } from '../modules/identity/signature.resolver.js';
import { authChecker } from '../shared/graphql/auth-checker.js';
import { NodeResolver } from './nodes.js';

export const resolvers = [
  NodeResolver,
  AuthResolver,
  ProfileResolver,
  ActivityConnectionResolver,
  ServiceResolver,
  ServiceCategoryResolver,
  BranchResolver,
  ServiceBranchesResolver,
  StaffBranchResolver,
  QueueResolver,
  LoadAlertResolver,
  BranchLoadResolver,
  BookingResolver,
  TicketBookingResolver,
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
] as const;

/**
 * The schema. `instances` are the resolvers the modules constructed with their services
 * (src/app.ts collects them); type-graphql asks this container for a resolver class's instance.
 * Emitting the SDL needs none (nothing is resolved then).
 */
export function createSchema(opts: { emitSchemaFile?: string; instances?: readonly object[] } = {}): Promise<GraphQLSchema> {
  const byClass = new Map<unknown, object>((opts.instances ?? []).map((i) => [i.constructor, i]));
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    container: {
      get(someClass: new () => object) {
        let instance = byClass.get(someClass);
        if (!instance) {
          // Transitional: resolvers that still read ctx.services take no constructor arguments.
          instance = new someClass();
          byClass.set(someClass, instance);
        }
        return instance;
      },
    },
    // Every subscription brings its own `subscribe` over the Redis-backed pubsub of src/app.ts;
    // type-graphql still wants a pubSub to build the schema, so an in-memory one stands in.
    pubSub: createPubSub(),
    validate: false,
    emitSchemaFile: opts.emitSchemaFile ? { path: opts.emitSchemaFile, sortedSchema: true } : false,
  });
}
