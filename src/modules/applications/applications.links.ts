/** The applications module's answer to "does this citizen have something at this branch" (for the privacy rule). */
import type { Database } from '../../db/client.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import * as repo from './applications.repository.js';

export function createApplicationsBranchLinks(db: Database): CitizenBranchLinks {
  return {
    hasCitizenAt: (citizenId, branchId) => repo.hasApplicationAt(db, citizenId, branchId),
    citizensAt: (branchId) => repo.applicantsAt(db, branchId),
  };
}
