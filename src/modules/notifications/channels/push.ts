/**
 * Web push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291). The
 * web-push package builds each request (keys, encryption, signed JWT); we send it with fetch so
 * timeouts and status handling are ours. 404/410 mean the browser unsubscribed: the subscription
 * is removed. One delivery goes to every device of the user; it counts as sent when one accepted.
 */
import webPush from 'web-push';
import type { Config } from '../../../config/env.js';
import type { Logger } from '../../../shared/logger.js';
import { PermanentDeliveryError } from './channel.js';

export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushPayload {
  /** The delivery id: also the push Topic, so a resent push replaces one not yet shown. */
  deliveryId: string;
  title: string;
  body: string;
  notificationId: string;
  urgent: boolean;
}

export interface PushResult {
  accepted: number;
  /** Subscriptions the push service says are gone (404/410): to be removed. */
  gone: string[];
}

export class PushChannel {
  constructor(private readonly deps: { config: Config; log: Logger; vapid: { publicKey: string; privateKey: string } }) {}

  /** Sends to every target; throws when none accepted (PermanentDeliveryError when none can ever accept). */
  async send(targets: PushTarget[], payload: PushPayload): Promise<PushResult> {
    const { config, vapid } = this.deps;
    const result: PushResult = { accepted: 0, gone: [] };
    let transient: string | null = null;
    let rejected: string | null = null;
    const { deliveryId, ...shown } = payload;
    const body = JSON.stringify(shown);
    for (const t of targets) {
      const req = webPush.generateRequestDetails({ endpoint: t.endpoint, keys: { p256dh: t.p256dh, auth: t.auth } }, body, {
        vapidDetails: { subject: config.VAPID_SUBJECT, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: config.PUSH_TTL_SECONDS,
        urgency: payload.urgent ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
        topic: deliveryId.replace(/-/g, ''),
      });
      let res: Response;
      try {
        res = await fetch(req.endpoint, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: req.body ? new Uint8Array(req.body) : null,
          signal: AbortSignal.timeout(config.PUSH_TIMEOUT_MS),
        });
      } catch (err) {
        transient = `Сервис push-уведомлений недоступен (${err instanceof Error ? err.name : 'сеть'})`;
        continue;
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) result.accepted += 1;
      else if (res.status === 404 || res.status === 410) result.gone.push(t.id);
      else if (res.status === 429 || res.status >= 500) transient = `Сервис push-уведомлений недоступен (HTTP ${res.status})`;
      else rejected = `Сервис push-уведомлений отклонил сообщение (HTTP ${res.status})`;
    }
    if (result.accepted > 0) return result;
    if (transient) throw Object.assign(new Error(transient), { gone: result.gone });
    throw Object.assign(new PermanentDeliveryError(rejected ?? 'Устройство отписалось от уведомлений'), { gone: result.gone });
  }
}
