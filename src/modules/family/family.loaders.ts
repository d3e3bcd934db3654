/**
 * Per-request loaders of the family module: dependants by id (Booking.forDependant,
 * Application.forDependant: the root was already checked, so no access check here) and the
 * documents of dependants (Dependant.documents).
 */
import DataLoader from 'dataloader';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys, groupByKeys } from '../../shared/ids.js';
import type { DocumentRow } from '../documents/index.js';
import type { DependantsService } from './dependants.service.js';
import type { DependantRow, FamilyRepository } from './family.repository.js';
import type { Database } from '../../db/client.js';

function createFamilyLoaders(db: Database, repo: FamilyRepository, dependants: DependantsService) {
  return {
    dependantById: new DataLoader<string, DependantRow | null>(async (ids) => byKeys(ids, await repo.findByIds(db, ids), (r) => r.id)),
    documentsByDependant: new DataLoader<string, DocumentRow[]>(async (ids) => groupByKeys(ids, await dependants.documentsOf(ids), (r) => r.dependantId ?? '')),
  };
}

/** This operation's family loaders. */
export const familyLoaders = perRequest(createFamilyLoaders);
