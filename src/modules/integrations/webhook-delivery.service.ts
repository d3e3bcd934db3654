/**
 * Delivering events: the fan-out makes one delivery per matching endpoint (idempotent), each
 * attempt signs the payload with the endpoint's secret (Standard Webhooks, `standardwebhooks`)
 * and POSTs it; a failure plans the next attempt with exponential backoff within the round's
 * WEBHOOK_RETRY_HOURS, and an endpoint failing for WEBHOOK_DISABLE_AFTER_HOURS is switched off
 * and the admins are told. At least once: an attempt's outcome is recorded after the POST, so a
 * worker dying in between sends again (receivers dedupe by webhook-id).
 */
import { Webhook } from 'standardwebhooks';
import type { IntegrationEvent } from '../../jobs/integration-events.js';
import type { IntegrationsDeps } from './integrations.deps.js';
import { deliverWebhook } from './webhooks.contracts.js';
import * as repo from './webhooks.repository.js';
import { allowsPrivateTargets, EVENT_SCOPE, nextAttemptAt, shouldDisable, webhookPayload } from './webhooks.rules.js';
import { postSigned } from './webhook-target.js';

/** Signers by endpoint, kept while the endpoint's (sealed) secret is the same: no decryption per attempt. */
const SIGNERS_MAX = 10_000;

export class WebhookDeliveryService {
  private readonly signers = new Map<string, { sealed: string; webhook: Webhook }>();

  constructor(private readonly deps: IntegrationsDeps) {}

  private signer(endpoint: repo.EndpointRow): Webhook {
    const cached = this.signers.get(endpoint.id);
    if (cached?.sealed === endpoint.secret) return cached.webhook;
    if (this.signers.size >= SIGNERS_MAX) this.signers.clear();
    const webhook = new Webhook(this.deps.cipher.open(endpoint.secret));
    this.signers.set(endpoint.id, { sealed: endpoint.secret, webhook });
    return webhook;
  }

  /** One delivery per endpoint taking the event (its owner holding the event's scope and branch). */
  async fanOut(event: IntegrationEvent): Promise<number> {
    const { db, clock } = this.deps;
    const occurredAt = new Date(event.occurredAt);
    const scope = EVENT_SCOPE[event.type];
    const endpoints = (await repo.endpointsFor(db, event.type, event.branchId)).filter((e) => {
      if (e.clientId === null) return true; // an admin's endpoint
      if (scope && !(e.clientScopes ?? []).includes(scope)) return false;
      const branches = e.clientBranchIds ?? [];
      return branches.length === 0 || (event.branchId !== null && branches.includes(event.branchId));
    });
    // The event and its deliveries in one commit.
    await db.transaction(async (tx) => {
      await repo.insertEvent(tx, { id: event.id, type: event.type, branchId: event.branchId, occurredAt, data: event.data, createdAt: clock.now() });
      await repo.insertDeliveries(tx, event.id, endpoints.map((e) => e.id), clock.now());
    });
    const pending = await repo.unattemptedOf(db, event.id);
    // First attempts in one round trip; their job ids are new (a re-run fan-out is deduplicated by them).
    await this.deps.queues.get('webhooks').addBulk(pending.map((d) => ({ name: deliverWebhook.name, data: { deliveryId: d.id, attempt: 0 }, opts: { ...deliverWebhook.options, jobId: `whd-${d.id}-0` } })));
    return pending.length;
  }

  async enqueue(deliveryId: string, attempt: number, delayMs: number): Promise<void> {
    const queue = this.deps.queues.get('webhooks');
    const jobId = `whd-${deliveryId}-${attempt}`;
    // A replay re-adds an attempt that may wait delayed: drop the waiting one so it runs now.
    if (delayMs === 0) await queue.remove(jobId).catch(() => 0);
    await queue.add(deliverWebhook.name, { deliveryId, attempt }, { ...deliverWebhook.options, jobId, delay: delayMs });
  }

  /** Attempt number `attempt` of a delivery; skipped when another attempt already recorded it. */
  async attempt(deliveryId: string, attempt: number): Promise<string> {
    const { db, clock, config } = this.deps;
    const found = await repo.findDeliveryWithEndpoint(db, deliveryId);
    if (!found || found.delivery.attempts !== attempt || found.delivery.status === 'SUCCEEDED') return 'skipped';
    const { delivery, endpoint } = found;
    if (!endpoint?.active) {
      await repo.markFailed(db, deliveryId, endpoint ? 'endpoint switched off' : 'endpoint deleted');
      return 'endpoint off';
    }
    const body = JSON.stringify(webhookPayload({ id: delivery.eventId, type: delivery.type, occurredAt: delivery.payload.occurredAt, data: delivery.payload.data }));
    const sentAt = clock.now();
    const signature = this.signer(endpoint).sign(delivery.eventId, sentAt, body);
    const headers = { 'webhook-id': delivery.eventId, 'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)), 'webhook-signature': signature };
    const result = await postSigned(endpoint.url, body, headers, { timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivate: allowsPrivateTargets(config) });
    const now = clock.now();
    if (result.error === null) {
      await repo.recordAttempt(db, deliveryId, attempt, { status: 'SUCCEEDED', responseStatus: result.status, lastError: null, deliveredAt: now, nextAttemptAt: null });
      if (endpoint.failingSince) await repo.updateEndpoint(db, endpoint.id, { failingSince: null });
      return 'delivered';
    }
    return this.failed(delivery, endpoint, attempt, result, now);
  }

  private async failed(delivery: repo.DeliveryRow, endpoint: repo.EndpointRow, attempt: number, result: { status: number | null; error: string | null }, now: Date): Promise<string> {
    const { db, config } = this.deps;
    const policy = { firstMs: config.WEBHOOK_BACKOFF_FIRST_MS, maxMs: config.WEBHOOK_BACKOFF_MAX_MS, retryHours: config.WEBHOOK_RETRY_HOURS };
    const refused = result.error?.startsWith('refused:') ?? false;
    const next = refused ? null : nextAttemptAt(delivery.roundStartedAt, now, attempt + 1, policy);
    const recorded = await repo.recordAttempt(db, delivery.id, attempt, { status: next ? 'RETRYING' : 'FAILED', responseStatus: result.status, lastError: result.error?.slice(0, 500) ?? null, nextAttemptAt: next });
    if (!recorded) return 'superseded';
    const failingSince = endpoint.failingSince ?? now;
    if (shouldDisable(failingSince, now, config.WEBHOOK_DISABLE_AFTER_HOURS)) {
      await this.disable(endpoint, failingSince, now);
      await repo.markFailed(db, delivery.id, `${result.error ?? 'failed'}; endpoint switched off`);
      return 'endpoint disabled';
    }
    if (!endpoint.failingSince) await repo.updateEndpoint(db, endpoint.id, { failingSince });
    if (next) await this.enqueue(delivery.id, attempt + 1, next.getTime() - now.getTime());
    return next ? 'retrying' : 'failed';
  }

  /** Switches the endpoint off (once) and tells the admins, in one transaction. */
  private async disable(endpoint: repo.EndpointRow, failingSince: Date, now: Date): Promise<void> {
    const { db, admins } = this.deps;
    await db.transaction(async (tx) => {
      if (!(await repo.disableEndpoint(tx, endpoint.id, now, failingSince))) return;
      const hours = Math.round((now.getTime() - failingSince.getTime()) / 360_000) / 10;
      await admins.webhookEndpointDisabled(tx, { id: endpoint.id, url: endpoint.url, failingSinceHours: hours });
    });
  }

  /** Re-enqueues deliveries due for over a minute whose job is gone (Redis lost it); job ids dedupe the rest. */
  async sweep(): Promise<number> {
    const due = await repo.overdueDeliveries(this.deps.db, new Date(this.deps.clock.now().getTime() - 60_000), 500);
    for (const d of due) await this.enqueue(d.id, d.attempts, 0);
    return due.length;
  }
}
