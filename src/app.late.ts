/**
 * Stand-ins the composition root (src/app.ts) hands to modules built before the module that
 * serves the port: each reaches the real one once it is built (before any request is served).
 * Also the account feed, built first, the bookings service as the queue's FreePlaces, and the
 * integrations (machine clients and webhooks).
 */
import type { Executor } from './db/client.js';
import type { Infrastructure } from './infrastructure.js';
import type { BranchesDirectory } from './modules/branches/index.js';
import { createIntegrationsModule, type IntegrationsModule } from './modules/integrations/index.js';
import type { NotificationsService } from './modules/notifications/index.js';
import type { FieldCipher } from './shared/crypto/field-cipher.js';
import type { ApplicationFees, ApplicationsModule, ApplicationsService } from './modules/applications/index.js';
import type { SignableDocuments } from './modules/identity/index.js';
import type { ChatModule } from './modules/chat/index.js';
import type { BookingsService, VisitDocuments } from './modules/bookings/index.js';
import type { DocumentsService } from './modules/documents/index.js';
import type { FamilyModule } from './modules/family/index.js';
import type { PaymentsModule } from './modules/payments/index.js';
import type { PrivacyModule } from './modules/privacy/index.js';
import type { FreePlaces } from './modules/queue/index.js';
import { createUpdatesModule } from './modules/updates/index.js';
import type { NodeRegistry } from './server/nodes.js';
import type { CitizenDependants } from './shared/dependants.js';
import { AppError, ErrorCode } from './shared/errors.js';
import type { StaffAccess } from './shared/staff-access.js';

/**
 * The staff access rule for the modules that serve personal data. The privacy module is built last
 * (it asks bookings, the queue, applications and chat), so the earlier modules get this stand-in,
 * which reaches it once built (before any request is served).
 */
export function lateStaffAccess(get: () => PrivacyModule | undefined): StaffAccess {
  const access = () => {
    const privacy = get();
    if (!privacy) throw new Error('the privacy module is not built yet');
    return privacy.access;
  };
  return {
    canSeeCitizen: (viewer, citizenId) => access().canSeeCitizen(viewer, citizenId),
    scope: (viewer) => access().scope(viewer),
    record: (viewer, accesses, tx) => access().record(viewer, accesses, tx),
  };
}

/** Booking readiness reads documents; the documents module is built after bookings, so they get this stand-in. */
export function lateVisitDocuments(get: () => DocumentsService | undefined): VisitDocuments {
  const documents = () => {
    const d = get();
    if (!d) throw new Error('the documents module is not built yet');
    return d;
  };
  return {
    documentsOfUsers: (ids, tx) => documents().documentsOfUsers(ids, tx),
    documentsOf: (viewer, ownerId) => documents().documentsOf(viewer, ownerId),
  };
}

/** What the account feed's events point at, built after it: the node registry, and the finders of what is not a Relay node. */
export interface FeedSources {
  nodes?: NodeRegistry;
  applications?: Pick<ApplicationsModule, 'findEvent'>;
  chat?: Pick<ChatModule, 'findMessage'>;
}

/**
 * The account feed (accountUpdates), built first: every module appends to it; it finds what events
 * point at through the node registry (built last), or, for application timeline entries and chat
 * messages, through those modules' finders. Each checks the subscriber's access.
 */
export function createAccountFeed(infra: Infrastructure, sources: FeedSources) {
  return createUpdatesModule({
    ...infra,
    db: infra.db.db,
    listen: (channel, onNotify, onListen) => infra.db.listener.listen(channel, onNotify, onListen),
    find: (viewer, typename, id) => {
      if (typename === 'ApplicationEvent') return sources.applications?.findEvent(viewer, id) ?? Promise.resolve(null);
      if (typename === 'ChatMessage') return sources.chat?.findMessage(viewer, id) ?? Promise.resolve(null);
      return sources.nodes?.fetchOf(viewer, typename, id) ?? Promise.resolve(null);
    },
  });
}

/**
 * A citizen's dependants for bookings and documents, which are built before the family module
 * (family needs documents): this stand-in reaches it once built (before any request is served).
 */
export function lateDependants(get: () => FamilyModule | undefined): CitizenDependants {
  const port = () => {
    const family = get();
    if (!family) throw new Error('the family module is not built yet');
    return family.citizenDependants;
  };
  return {
    ownActive: (parentId, dependantId, tx) => port().ownActive(parentId, dependantId, tx),
    byId: (id) => port().byId(id),
    documentsOf: (id) => port().documentsOf(id),
  };
}

/**
 * The documents citizens sign (application versions, profile change requests) for the identity
 * module, which is built before their owners: this stand-in asks them once built.
 */
export function lateSignables(family: () => FamilyModule | undefined, applications: () => ApplicationsService | undefined): SignableDocuments {
  return {
    find(viewer, kind, id, version) {
      const owner = kind === 'APPLICATION_VERSION' ? applications() : family();
      if (!owner) throw new Error('the owners of signed documents are not built yet');
      return 'signableVersion' in owner ? owner.signableVersion(viewer, id, version) : owner.profileChanges.signable(viewer, id);
    },
  };
}

/** The state fees for applications: the payments module is built after applications (it reads them), so they get this stand-in. */
export function lateFees(get: () => PaymentsModule | undefined): ApplicationFees {
  const fees = () => {
    const payments = get();
    if (!payments) throw new Error('the payments module is not built yet');
    return payments.fees;
  };
  return {
    issueFee: (tx, application) => fees().issueFee(tx, application),
    hasUnpaidFee: (tx, applicationId) => fees().hasUnpaidFee(tx, applicationId),
    settleEnded: (tx, applicationId, reason) => fees().settleEnded(tx, applicationId, reason),
  };
}

/**
 * The bookings service as the queue's FreePlaces port: a branch that takes no appointments for the
 * service (or an unknown one) has no free places rather than an error.
 */
export function freePlacesOf(bookings: () => BookingsService): FreePlaces {
  return {
    async freePlaces(branchId, serviceId, from, to) {
      try {
        return await bookings().availableSlots(branchId, serviceId, from, to);
      } catch (err) {
        if (err instanceof AppError && (err.code === ErrorCode.BAD_USER_INPUT || err.code === ErrorCode.NOT_FOUND)) return [];
        throw err;
      }
    },
  };
}

/** What the integrations need of the people modules (accounts, notifications, the system's secrets). */
export interface IntegrationsPeople {
  accounts: { directory: { adminIds(tx?: Executor): Promise<string[]> } };
  notifications: { notifications: NotificationsService };
  system: { cipher: FieldCipher };
  apiKeyHashKey: string;
}

/** Machine clients and webhooks; admins are told through notifications when an endpoint is switched off. */
export function createIntegrations(infra: Infrastructure, people: IntegrationsPeople, branches: { directory: BranchesDirectory }): IntegrationsModule {
  const { config, log, clock, db, pubsub, redis, queues } = infra;
  const { accounts, notifications } = people;
  return createIntegrationsModule({
    config, log, clock, db: db.db, pubsub, queues,
    redis: redis.main,
    cipher: people.system.cipher,
    apiKeyHashKey: people.apiKeyHashKey,
    branches: branches.directory,
    admins: {
      async webhookEndpointDisabled(tx, endpoint) {
        for (const userId of await accounts.directory.adminIds(tx)) {
          await notifications.notifications.notify(tx, { userId, template: 'webhook.disabled', vars: { url: endpoint.url, hours: String(endpoint.failingSinceHours) }, subjectType: 'webhook_endpoint', subjectId: endpoint.id });
        }
      },
    },
  });
}
