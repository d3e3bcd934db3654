/** The queue module's answer to "does this citizen have something at this branch" (for the privacy rule). */
import type { Database } from '../../db/client.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import * as repo from './queue.repository.js';

export function createQueueBranchLinks(db: Database): CitizenBranchLinks {
  return {
    hasCitizenAt: (citizenId, branchId) => repo.hasOpenTicketAt(db, citizenId, branchId),
    citizensAt: (branchId) => repo.holdersOfOpenTicketsAt(db, branchId),
  };
}
