/** The bookings module's answer to "does this citizen have something at this branch" (for the privacy rule). */
import type { Database } from '../../db/client.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import * as repo from './bookings.repository.js';

export function createBookingsBranchLinks(db: Database): CitizenBranchLinks {
  return {
    hasCitizenAt: (citizenId, branchId) => repo.hasOpenBookingAt(db, citizenId, branchId),
    citizensAt: (branchId) => repo.citizensWithOpenBookingAt(db, branchId),
  };
}
