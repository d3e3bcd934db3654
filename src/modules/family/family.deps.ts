/** What the family module's services are built from: the infrastructure, its repository and the doors (ports) it asks. */
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { AccountDocuments, AccountsDirectory } from '../accounts/index.js';
import type { AttachmentsService, FamilyDocuments } from '../documents/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { FamilyRepository } from './family.repository.js';

export interface FamilyDeps {
  config: Config;
  db: Database;
  clock: Clock;
  repo: FamilyRepository;
  /** Dependants' documents and the passport of a change request (the documents module's door). */
  documents: FamilyDocuments;
  attachments: Pick<AttachmentsService, 'ownAttachments'>;
  accounts: AccountsDirectory;
  /** The profile writes an approved change makes, and the account of a SNILS (accounts' door). */
  accountWrites: Pick<AccountDocuments, 'applyApprovedChange' | 'holderOfVerifiedSnils'>;
  notifications: NotificationsService;
  staffAccess: StaffAccess;
}

export type { Executor };
