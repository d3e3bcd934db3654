/**
 * Browsers and devices subscribed to web push: the VAPID public key they subscribe with, and the
 * owner's list, registration and removal of their subscriptions.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { badInput, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import * as repo from './notifications.repository.js';
import { pushSubscriptionProblems, USER_AGENT_MAX } from './notifications.rules.js';
import type { VapidKeys } from './vapid.js';

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export class PushSubscriptionsService {
  constructor(private readonly deps: { config: Config; db: Database; clock: Clock; vapid: VapidKeys }) {}

  pushPublicKey(): string {
    return this.deps.vapid.publicKey;
  }

  async registerPush(viewer: Viewer, input: PushSubscriptionInput, userAgent: string | null): Promise<repo.PushSubscriptionRow> {
    const problems = pushSubscriptionProblems(input, { httpAllowed: !this.deps.config.isProduction });
    if (problems.length > 0) throw badInput(problems);
    return repo.upsertPushSubscription(this.deps.db, {
      userId: viewer.userId,
      endpoint: input.endpoint,
      p256dh: input.p256dh,
      auth: input.auth,
      userAgent: userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      createdAt: this.deps.clock.now(),
    });
  }

  async removePush(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.deletePushSubscription(this.deps.db, { userId: viewer.userId, id }))) throw notFound('Подписка на push-уведомления');
    return true;
  }

  myPushSubscriptions(viewer: Viewer): Promise<repo.PushSubscriptionRow[]> {
    return repo.pushSubscriptionsOf(this.deps.db, viewer.userId);
  }
}
