/**
 * The security journal and the owner's security messages: every security event goes to the
 * activity journal in the transaction that causes it, and the owner hears of logins, locks and
 * changes through the notification outbox (the SECURITY channels, which always include SMS or
 * e-mail) in that same transaction.
 */
import type { Executor } from '../../db/client.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import * as activity from './activity.repository.js';

type SecurityVars = {
  'security.login': { time: string; device: string; ip: string };
  'security.locked': { until: string };
  'security.password_changed': Record<string, never>;
  'security.two_factor_enabled': { method: string };
  'security.two_factor_disabled': Record<string, never>;
  'security.session_family_revoked': Record<string, never>;
  'security.contact_changed': { channel: string };
  'security.identifier_removed': { identifier: string };
  'security.registration_attempt': { contact: string };
  'security.contact_claim_attempt': { contact: string };
  'security.passkey_counter': { passkey: string };
};
export type SecurityTemplate = keyof SecurityVars;

export class AccountJournal {
  constructor(private readonly deps: Pick<AccountsDeps, 'clock' | 'notifications'>) {}

  /** One journal entry of `userId`, inside the caller's transaction. */
  async record(tx: Executor, userId: string, action: string, meta: RequestMeta, details?: Record<string, unknown>): Promise<void> {
    await activity.insertActivity(tx, { userId, action, at: this.deps.clock.now(), ip: meta.ip, userAgent: meta.userAgent, details });
  }

  /** Security messages go through the user's SECURITY channels (which always include SMS or e-mail). */
  async notifySecurity<T extends SecurityTemplate>(tx: Executor, user: { id: string }, template: T, vars: SecurityVars[T]): Promise<void> {
    await this.deps.notifications.notify(tx, {
      userId: user.id,
      template,
      vars,
      subjectType: 'User',
      subjectId: user.id,
    } as Parameters<AccountsDeps['notifications']['notify']>[1]);
  }
}
