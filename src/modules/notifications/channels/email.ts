/** E-mail over SMTP (nodemailer, pooled). The Message-ID is derived from the delivery id. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../../config/env.js';
import { warnOnce, type Logger } from '../../../shared/logger.js';
import { PermanentDeliveryError, type Channel, type OutgoingMessage } from './channel.js';

export class EmailChannel implements Channel {
  private transport: Transporter | null = null;

  constructor(private readonly deps: { config: Config; log: Logger }) {}

  async send(m: OutgoingMessage): Promise<{ providerRef?: string }> {
    const { config, log } = this.deps;
    if (!config.SMTP_URL) {
      warnOnce(log, 'smtp-not-configured', { channel: 'EMAIL', delivery: m.id }, 'SMTP not configured: messages are written to the log instead');
      log.info(`[DEV MAIL] to ${m.destination}: ${m.content.subject ?? ''}\n${m.content.text}`);
      return {};
    }
    this.transport ??= nodemailer.createTransport({ url: config.SMTP_URL, pool: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
    try {
      const info = (await this.transport.sendMail({
        from: config.MAIL_FROM,
        to: m.destination,
        subject: m.content.subject ?? 'МФЦ',
        text: m.content.text,
        messageId: `<${m.id}@mfc>`,
      })) as { messageId?: string };
      return { providerRef: info.messageId };
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      const text = `Почтовый сервер не принял письмо${e.responseCode ? ` (SMTP ${e.responseCode})` : ''}`;
      if (e.responseCode && e.responseCode >= 500) throw new PermanentDeliveryError(text);
      throw new Error(e.responseCode ? text : `Почтовый сервер недоступен (${e.code ?? 'сеть'})`);
    }
  }

  close(): Promise<void> {
    this.transport?.close();
    this.transport = null;
    return Promise.resolve();
  }
}
