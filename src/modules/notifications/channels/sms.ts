/**
 * SMS through the HTTP gateway: POST $SMS_GATEWAY_URL {to, text, reference} with a bearer token;
 * 2xx means accepted. The delivery id is the reference, so a gateway that de-duplicates by it
 * never sends twice even when a worker dies after the request and the job is retried.
 */
import type { Config } from '../../../config/env.js';
import { phoneCountryAllowed } from '../../../shared/identifiers.js';
import { warnOnce, type Logger } from '../../../shared/logger.js';
import { PermanentDeliveryError, type Channel, type OutgoingMessage } from './channel.js';

export class SmsChannel implements Channel {
  constructor(private readonly deps: { config: Config; log: Logger }) {}

  async send(m: OutgoingMessage): Promise<{ providerRef?: string }> {
    const { config, log } = this.deps;
    if (!phoneCountryAllowed(m.destination, config.SMS_ALLOWED_COUNTRY_CODES)) {
      throw new PermanentDeliveryError(`SMS на номера этой страны не отправляются (разрешены коды: +${config.SMS_ALLOWED_COUNTRY_CODES.join(', +')})`);
    }
    if (!config.SMS_GATEWAY_URL) {
      warnOnce(log, 'sms-not-configured', { channel: 'SMS', delivery: m.id }, 'SMS gateway not configured: messages are written to the log instead');
      log.info(`[DEV SMS] to ${m.destination}: ${m.content.text}`);
      return {};
    }
    let res: Response;
    try {
      res = await fetch(config.SMS_GATEWAY_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.SMS_GATEWAY_TOKEN ?? ''}` },
        body: JSON.stringify({ to: m.destination, text: m.content.text, reference: m.id }),
        signal: AbortSignal.timeout(config.SMS_GATEWAY_TIMEOUT_MS),
      });
    } catch (err) {
      throw new Error(`Шлюз SMS недоступен (${err instanceof Error ? err.name : 'сеть'})`);
    }
    if (res.ok) {
      const body = (await res.json().catch(() => ({}))) as { id?: unknown };
      return typeof body.id === 'string' ? { providerRef: body.id } : {};
    }
    const text = `Шлюз SMS отклонил сообщение (HTTP ${res.status})`;
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentDeliveryError(text);
    throw new Error(`Шлюз SMS недоступен (HTTP ${res.status})`);
  }
}
