/** The chat module's answer to "does this citizen have something at this branch" (for the privacy rule). */
import type { Database } from '../../db/client.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import * as repo from './chat.repository.js';

export function createChatBranchLinks(db: Database): CitizenBranchLinks {
  return {
    hasCitizenAt: (citizenId, branchId) => repo.hasOpenThreadAt(db, citizenId, branchId),
    citizensAt: (branchId) => repo.citizensWithOpenThreadsAt(db, branchId),
  };
}
