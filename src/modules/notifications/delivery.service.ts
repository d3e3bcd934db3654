/**
 * Sends one delivery and records what happened: status, attempts, last error in words a citizen
 * understands. Idempotent: a settled delivery is never sent again, whatever re-runs the job.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { PermanentDeliveryError, type Channel } from './channels/channel.js';
import { EmailChannel } from './channels/email.js';
import { SmsChannel } from './channels/sms.js';
import * as repo from './notifications.repository.js';

export type DeliveryOutcome = 'SENT' | 'SKIPPED' | 'ALREADY_SETTLED';

export class DeliveryService {
  private readonly channels: Record<'SMS' | 'EMAIL', Channel>;

  constructor(private readonly deps: { config: Config; log: Logger; clock: Clock; db: Database }) {
    this.channels = { SMS: new SmsChannel(deps), EMAIL: new EmailChannel(deps) };
  }

  /**
   * Sends the delivery. Throws on failure so the queue retries it; `finalAttempt` marks it FAILED
   * instead of leaving it queued. A PermanentDeliveryError marks it FAILED at once.
   */
  async deliver(deliveryId: string, opts: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
    const { db, clock, log } = this.deps;
    const claimed = await repo.startAttempt(db, deliveryId, clock.now());
    if (!claimed) return 'ALREADY_SETTLED';
    if (claimed.channel !== 'SMS' && claimed.channel !== 'EMAIL') return 'SKIPPED';
    const channel = this.channels[claimed.channel];
    try {
      const { providerRef } = await channel.send({ id: claimed.id, destination: claimed.destination ?? '', content: claimed.content });
      await repo.markSent(db, claimed.id, { now: clock.now(), providerRef: providerRef ?? null });
      return 'SENT';
    } catch (err) {
      const permanent = err instanceof PermanentDeliveryError;
      const message = err instanceof Error ? err.message : String(err);
      await repo.recordFailure(db, claimed.id, { now: clock.now(), error: message, final: permanent || opts.finalAttempt });
      log.warn({ delivery: claimed.id, channel: claimed.channel, attempt: claimed.attempts, permanent, error: message }, 'delivery failed');
      throw err;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(Object.values(this.channels).map(async (c) => c.close?.()));
  }
}
