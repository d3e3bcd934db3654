/**
 * What the payments services are built from: infrastructure, the provider (YooKassa or the
 * sandbox), and other modules' doors as ports: users (by id or verified SNILS), services' fees,
 * and applications (whose they are, which branch works on them). Also the effect they share:
 * publishing a payment's change on paymentUpdated after the commit.
 */
import type { Executor } from '../../db/client.js';
import type { CoreDeps } from '../../shared/module.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { paymentTopic } from './payments.events.js';
import type { AccountFeed } from '../../shared/account-feed.js';
import type { PaymentProvider } from './provider/provider.js';
import type { SignedLinks } from '../../shared/signed-links.js';

/** Applications as the payments module needs them (the applications door, wired in src/app.ts). */
export interface PaymentApplications {
  /** Whose application it is and which branch works on it. */
  find(id: string): Promise<{ userId: string; branchId: string | null } | null>;
  /** The branch an operator works at (null for anyone else). */
  staffBranch(viewer: Viewer): Promise<string | null>;
}

export interface PaymentsDeps extends CoreDeps {
  notifications: NotificationsService;
  accounts: AccountsDirectory;
  catalog: CatalogDirectory;
  applications: PaymentApplications;
  provider: PaymentProvider;
  /** Signs Payment.receiptUrl for the viewer (a link that opens without a header). */
  links: SignedLinks;
  /** The account feed (accountUpdates); none when the module is built alone. */
  feed?: AccountFeed;
}

export class PaymentEffects {
  constructor(private readonly deps: Pick<PaymentsDeps, 'pubsub' | 'log' | 'db' | 'feed'>) {}

  /** After commit: the payment's owner hears of the change (paymentUpdated, and their account feed). */
  publish(p: { id: string; userId: string }): void {
    this.publishLive(p);
    this.deps.feed?.append(this.deps.db, p.userId, 'PAYMENT', p.id).catch((err: unknown) => this.deps.log.warn({ err }, 'could not add a payment change to the account feed'));
  }

  /** In the change's transaction: the account feed's event (then publishLive after the commit). */
  async appendFeed(tx: Executor, p: { id: string; userId: string }): Promise<void> {
    await this.deps.feed?.append(tx, p.userId, 'PAYMENT', p.id);
  }

  /** After commit: paymentUpdated only (the feed's event was appended in the transaction). */
  publishLive(p: { id: string; userId: string }): void {
    try {
      this.deps.pubsub.publish(paymentTopic, { userId: p.userId, paymentId: p.id });
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a payment change');
    }
  }
}

/** The time zone of the dates of charges (due dates, discount periods). */
export const CHARGES_TIMEZONE = 'Europe/Moscow';
