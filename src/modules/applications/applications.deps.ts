/**
 * What the applications services need: infrastructure, and the other modules' doors they read
 * (users, branches, services, documents) or ask (a citizen's own files). Built once by
 * createApplicationsModule from src/app.ts; applications depend on those modules, never the reverse.
 */
import type { CoreDeps } from '../../shared/module.js';
import type { AccountFeed } from '../../shared/account-feed.js';
import type { Executor } from '../../db/client.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { CitizenDependants } from '../../shared/dependants.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { AttachmentRow, DocumentRow } from '../documents/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { JsonObject } from '../../shared/forms/form-schema.js';

/** The personal documents of applicants (the documents module's door). */
export interface ApplicantDocuments {
  documentsOfUsers(userIds: readonly string[], tx?: Executor): Promise<DocumentRow[]>;
}

/** A citizen's own uploads named by an input list (the documents module's AttachmentsService). */
export interface OwnAttachments {
  ownAttachments(db: Executor, ownerId: string, ids: readonly string[], field: string): Promise<AttachmentRow[]>;
}

/**
 * What the owner of charges does around an application's lifecycle (a port: the payments module
 * implements it and src/app.ts wires it, so applications do not depend on payments).
 */
export interface ApplicationFees {
  /** In the submission's transaction: the state fee of a service with a fee, at the online price. */
  issueFee(tx: Executor, application: { id: string; userId: string; serviceId: string; number: string | null }): Promise<void>;
  /** In the move's transaction: whether a fee of the application is still unpaid. */
  hasUnpaidFee(tx: Executor, applicationId: string): Promise<boolean>;
  /** In the move's transaction: the application ended before work started; unpaid fees are cancelled, paid ones refunded. A note for the timeline, or null. */
  settleEnded(tx: Executor, applicationId: string, reason: string): Promise<string | null>;
}

export interface ApplicationsDeps extends CoreDeps {
  notifications: NotificationsService;
  rateLimiter: RateLimiter;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  catalog: CatalogDirectory;
  documents: ApplicantDocuments;
  attachments: OwnAttachments;
  /** The record of staff reads of citizens' data (the privacy rule; src/app.ts fills it). */
  staffAccess: StaffAccess;
  /** The applicant's dependants (input.forDependantId; the family module through src/app.ts). */
  dependants: CitizenDependants;
  /** State fees (the payments module; src/app.ts fills it). */
  fees: ApplicationFees;
  /** The account feed (accountUpdates): every timeline entry reaches its applicant's; none when the module is built alone. */
  feed?: AccountFeed;
}

export type { JsonObject } from '../../shared/forms/form-schema.js';

/** The editable part of an application: its form data, branch and attached scans. */
export interface ApplicationState {
  data: JsonObject;
  branchId: string | null;
  attachmentIds: string[];
}
