/**
 * The notification pipeline end to end: a notification committed with a change reaches the SMS
 * gateway and the SMTP server through the outbox, the relay, BullMQ and the workers, with
 * retries, permanent failures, idempotency, and a Redis outage in the middle.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ChangePasswordDocument } from '../../../src/sdk/generated/graphql.js';
import { deliveries, outbox } from '../../../src/db/schema/index.js';
import { deliverNotification } from '../../../src/modules/notifications/index.js';
import { writeOutbox } from '../../../src/jobs/outbox.js';
import type { NotifyInput } from '../../../src/modules/notifications/index.js';
import { startRedisServer } from '../../../scripts/services.js';
import { registerCitizen, uniquePhone } from '../../helpers/accounts.js';
import { startTestApp, useTestApp } from '../../helpers/app.js';

const waitUntil = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

function notice(phone: string | null, email: string | null = null): NotifyInput {
  return {
    userId: null,
    template: 'security.password_changed',
    vars: {},
    to: { phone, email },
    channels: [...(phone ? (['SMS'] as const) : []), ...(email ? (['EMAIL'] as const) : [])],
  };
}

describe('delivery through the outbox', () => {
  const t = useTestApp({ DELIVERY_MAX_ATTEMPTS: '4' });

  const commit = (input: NotifyInput) => t.running.app.db.db.transaction((tx) => t.running.app.services.notifications.notify(tx, input));
  const delivery = async (id: string) => (await t.running.app.db.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];

  it('given a committed notification, the SMS and the e-mail arrive and each delivery is recorded as SENT', async () => {
    const phone = uniquePhone();
    const email = `n${Date.now()}@example.ru`;
    const { deliveryIds } = await commit(notice(phone, email));
    const sms = await t.sms.waitFor((m) => m.to === phone);
    expect(deliveryIds).toContain(sms.reference);
    expect(sms.text).toMatch(/пароль изменён/i);
    const mail = await t.mail.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toMatch(/Пароль/);
    expect(mail.messageId).toMatch(/@mfc>$/);
    await waitUntil(async () => (await Promise.all(deliveryIds.map(delivery))).every((d) => d?.status === 'SENT'));
    for (const id of deliveryIds) expect(await delivery(id)).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
  });

  it('a rolled-back change sends nothing', async () => {
    const phone = uniquePhone();
    await t.running.app.db.db
      .transaction(async (tx) => {
        await t.running.app.services.notifications.notify(tx, notice(phone));
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 600));
    expect(t.sms.messages.some((m) => m.to === phone)).toBe(false);
  });

  it('retries a gateway outage with backoff and records the last error meanwhile', async () => {
    const phone = uniquePhone();
    t.sms.setFailure({ status: 503, times: 2 });
    const { deliveryIds } = await commit(notice(phone));
    const id = deliveryIds[0] ?? '';
    await t.sms.waitFor((m) => m.to === phone);
    await waitUntil(async () => (await delivery(id))?.status === 'SENT');
    expect(await delivery(id)).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(t.sms.messages.filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('a permanent rejection fails at once and is not retried', async () => {
    const phone = uniquePhone();
    t.sms.setFailure({ status: 400, times: 1 });
    const { deliveryIds } = await commit(notice(phone));
    const id = deliveryIds[0] ?? '';
    await waitUntil(async () => (await delivery(id))?.status === 'FAILED');
    await new Promise((r) => setTimeout(r, 500));
    expect(await delivery(id)).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'Шлюз SMS отклонил сообщение (HTTP 400)' });
  });

  it('a job with a bad payload fails without retries', async () => {
    const queue = t.running.app.queues.get('notifications');
    const job = await queue.add(deliverNotification.name, { deliveryId: 'not-a-uuid' }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await waitUntil(async () => (await queue.getJobState(job.id ?? '')) === 'failed');
    const failed = await queue.getJob(job.id ?? '');
    expect(failed?.attemptsMade).toBe(1);
  });

  it('the same delivery relayed twice is sent once', async () => {
    const phone = uniquePhone();
    const { deliveryIds } = await commit(notice(phone));
    const id = deliveryIds[0] ?? '';
    await waitUntil(async () => (await delivery(id))?.status === 'SENT');
    const received = t.sms.received;
    // A relay that crashed after enqueueing but before marking its row would enqueue it again.
    await writeOutbox(t.running.app.db.db, deliverNotification, { deliveryId: id }, { jobId: `delivery-${id}` });
    await t.running.app.queues.get('notifications').add(deliverNotification.name, { deliveryId: id }, { jobId: `retry-${id}` });
    await waitUntil(async () => (await t.running.app.db.db.select().from(outbox).where(eq(outbox.jobId, `delivery-${id}`))).every((r) => r.relayedAt !== null));
    await new Promise((r) => setTimeout(r, 500));
    expect(t.sms.received, 'no second request reached the gateway').toBe(received);
    expect(await delivery(id)).toMatchObject({ status: 'SENT', attempts: 1 });
  });
});

describe('urgency', () => {
  const t = useTestApp({ OUTBOX_POLL_MS: '1000' });

  it('a code reaches the gateway within a second of the request', async () => {
    const phone = uniquePhone();
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const since = t.sms.messages.length;
      const started = Date.now();
      await t.running.app.db.db.transaction((tx) =>
        t.running.app.services.notifications.notify(tx, { userId: null, template: 'auth.code.login', vars: { code: '123456' }, to: { phone }, channels: ['SMS'] }),
      );
      await t.sms.waitFor((m) => m.to === phone && t.sms.messages.indexOf(m) >= since);
      timings.push(Date.now() - started);
    }
    expect(Math.max(...timings)).toBeLessThan(1000);
  });
});

describe('a Redis outage', () => {
  it('given Redis is down when the change commits, the SMS arrives exactly once after Redis is back', async () => {
    const redis = await startRedisServer();
    const t = await startTestApp({ REDIS_URL: redis.url, OUTBOX_POLL_MS: '100' });
    let restarted: Awaited<ReturnType<typeof startRedisServer>> | null = null;
    try {
      const c = await registerCitizen(t);
      const receivedBefore = t.sms.received;
      await redis.stop();

      await c.client.request(ChangePasswordDocument, { currentPassword: c.password, newPassword: 'Новый-Пароль-2027' });
      await new Promise((r) => setTimeout(r, 1000));
      expect(t.sms.received).toBe(receivedBefore);
      const pending = await t.running.app.db.sql`select count(*)::int as n from outbox where relayed_at is null`;
      expect(pending[0]?.n).toBeGreaterThan(0);

      restarted = await startRedisServer(undefined, redis.port);
      const notice = await t.sms.waitFor((m) => m.to === c.phone && /пароль изменён/i.test(m.text), 20_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(t.sms.messages.filter((m) => m.reference === notice.reference)).toHaveLength(1);
      expect(t.sms.received).toBe(receivedBefore + 1);
      // The feed entry travelled the same way: its in-app delivery settled once Redis was back.
      const [sms] = await t.running.app.db.db.select().from(deliveries).where(eq(deliveries.id, notice.reference));
      const inApp = await t.running.app.db.sql`select status, attempts from deliveries where notification_id = ${sms?.notificationId ?? ''} and channel = 'IN_APP'`;
      expect(inApp).toEqual([{ status: 'DELIVERED', attempts: 1 }]);
    } finally {
      await t.stop();
      await restarted?.stop();
    }
  });
});
