/**
 * Who on the staff may see a citizen's personal data (profile, documents, files), and the record
 * of every such read or change. Operators see a citizen only while the citizen has business at
 * the operator's branch (a booking, a ticket, an application or a chat there); admins see
 * everyone; a citizen sees themselves. The privacy module implements it and src/app.ts hands it
 * to the modules that serve personal data, so they do not depend on the modules it asks.
 */
import type { Executor } from '../db/client.js';
import type { Viewer } from './auth/viewer.js';

/** What a staff member did with a citizen's data, and to what (never a personal value). */
export interface DataAccess {
  citizenId: string;
  /** VIEW_PROFILE, VIEW_DOCUMENT, REVIEW_DOCUMENT, DOWNLOAD_FILE, CONFIRM_IDENTITY, … */
  action: string;
  /** A document kind, an application number, a file name. */
  subject: string;
}

/** Which citizens the viewer may see: everyone (admins), or those with business at one branch. */
export type CitizenScope = { all: true } | { all: false; citizenIds: readonly string[] };

export interface StaffAccess {
  /** The citizen themselves, admins, and operators of a branch where the citizen has business. */
  canSeeCitizen(viewer: Viewer, citizenId: string): Promise<boolean>;
  /** For staff lists: the citizens the viewer may see (no one for a viewer who is not staff). */
  scope(viewer: Viewer): Promise<CitizenScope>;
  /** Records staff reads or changes of citizens' data (nothing for a citizen's own reads). */
  record(viewer: Viewer, accesses: readonly DataAccess[], tx?: Executor): Promise<void>;
}

/**
 * "Does this citizen have something at this branch": what bookings, the queue, applications and
 * chat each answer through their door: an active booking, a ticket still in the queue, a submitted
 * application (finished ones too: the branch keeps listing them with their applicant), an open chat.
 */
export interface CitizenBranchLinks {
  hasCitizenAt(citizenId: string, branchId: string): Promise<boolean>;
  citizensAt(branchId: string): Promise<string[]>;
}
