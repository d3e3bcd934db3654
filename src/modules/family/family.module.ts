/**
 * Builds the family module: dependants (children and wards) and profile changes by request, their
 * resolvers (with User.dependants, Booking.forDependant, Application.forDependant), node(id) for
 * Dependant and ProfileChangeRequest, the daily coming-of-age job, and the CitizenDependants port
 * that src/app.ts hands to bookings and applications. Documents, accounts and notifications are
 * reached through their doors.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { ResealCount } from '../../db/reseal.js';
import type { Clock } from '../../shared/clock.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import type { CitizenDependants } from '../../shared/dependants.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { AccountsDirectory, ProfileService } from '../accounts/index.js';
import type { DocumentsModule } from '../documents/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { ComingOfAge } from './coming-of-age.service.js';
import { DependantsService } from './dependants.service.js';
import type { FamilyDeps } from './family.deps.js';
import { familyJobs } from './family.jobs.js';
import { toChangeRequest, toDependant } from './family.mappers.js';
import { createFamilyRepository } from './family.repository.js';
import { ApplicationDependantResolver, BookingDependantResolver, DependantResolver, UserDependantsResolver, type FamilyResolverDeps } from './family.resolver.js';
import { ProfileChangeResolver } from './profile-changes.resolver.js';
import { ProfileChangesService } from './profile-changes.service.js';

export interface FamilyModuleDeps {
  config: Config;
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  documents: Pick<DocumentsModule, 'family' | 'attachments'>;
  accounts: AccountsDirectory;
  accountWrites: FamilyDeps['accountWrites'];
  profiles: Pick<ProfileService, 'userById'>;
  notifications: NotificationsService;
  staffAccess: StaffAccess;
}

export interface FamilyModule extends ModuleParts {
  dependants: DependantsService;
  profileChanges: ProfileChangesService;
  comingOfAge: ComingOfAge;
  /** The port bookings and applications ask about a citizen's dependants. */
  citizenDependants: CitizenDependants;
  /** Re-seals the dependants' SNILS not sealed with the current data key (rotate-data-key). */
  reseal(batchSize: number): Promise<ResealCount>;
}

export function createFamilyModule(deps: FamilyModuleDeps): FamilyModule {
  const { config, db } = deps;
  const repo = createFamilyRepository(deps.cipher);
  const familyDeps: FamilyDeps = {
    config, db, clock: deps.clock, repo,
    documents: deps.documents.family,
    attachments: deps.documents.attachments,
    accounts: deps.accounts,
    accountWrites: deps.accountWrites,
    notifications: deps.notifications,
    staffAccess: deps.staffAccess,
  };
  const dependants = new DependantsService(familyDeps);
  const profileChanges = new ProfileChangesService(familyDeps);
  const comingOfAge = new ComingOfAge(familyDeps);
  const reminderDays = config.DOCUMENT_EXPIRY_REMINDER_DAYS;
  const resolverDeps: FamilyResolverDeps = { dependants, repo, db, reminderDays };
  return {
    dependants,
    profileChanges,
    comingOfAge,
    reseal: (batchSize) => repo.reseal(db, batchSize),
    citizenDependants: {
      ownActive: (parentId, dependantId, tx) => dependants.ownActive(parentId, dependantId, tx),
      byId: async (id) => (await repo.findById(db, id)) ?? null,
      documentsOf: (id) => dependants.documentsOf([id]),
    },
    resolvers: [
      new DependantResolver(resolverDeps),
      new UserDependantsResolver(resolverDeps),
      new BookingDependantResolver(resolverDeps),
      new ApplicationDependantResolver(resolverDeps),
      new ProfileChangeResolver({ changes: profileChanges, profiles: deps.profiles, files: deps.documents.attachments, db, reminderDays }),
    ],
    nodes: [
      nodeType('Dependant', (viewer, id) => dependants.dependant(viewer, id), toDependant),
      nodeType('ProfileChangeRequest', (viewer, id) => profileChanges.find(viewer, id), toChangeRequest),
    ],
    ...familyJobs({ config, comingOfAge }),
  };
}
