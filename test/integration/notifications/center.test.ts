/**
 * The notification centre through the API: preferences decide the channels (captured SMS, mail
 * and push prove it), security cannot be switched off, the feed (filters, pages, read, delete,
 * owner only), notificationAdded to the right subscriber only, web push with a push service
 * that unsubscribes, fallback to the next channel, and SMS delivery receipts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  ChangePasswordDocument,
  DeleteNotificationDocument,
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  MyNotificationPreferencesDocument,
  MyPushSubscriptionsDocument,
  NotificationAddedDocument,
  NotificationsDocument,
  PushPublicKeyDocument,
  RegisterPushSubscriptionDocument,
  UnreadNotificationCountDocument,
  UpdateNotificationPreferencesDocument,
} from '../../../src/sdk/generated/graphql.js';
import { deliveries, users } from '../../../src/db/schema/index.js';
import type { NotifyInput } from '../../../src/modules/notifications/index.js';
import { registerCitizen, type Citizen } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { startPushService } from '../../helpers/push-service.js';
import { subscribe } from '../../helpers/subscriptions.js';

const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

const waitUntil = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const booking = (userId: string, number = 'МФЦ-Б-0000123'): NotifyInput => ({
  userId,
  template: 'booking.confirmed',
  vars: { number, branch: 'МФЦ района Тверской', time: '25.12.2026 10:30' },
  subjectType: 'Booking',
  subjectId: '00000000-0000-4000-8000-000000000001',
});

async function citizenWithEmail(t: TestApp): Promise<Citizen & { email: string }> {
  const c = await registerCitizen(t);
  const email = `c${c.phone.slice(2)}@example.ru`;
  await t.running.app.db.db.update(users).set({ email, emailVerified: true }).where(eq(users.id, c.id));
  return { ...c, email };
}

function helpers(t: TestApp) {
  return {
    notify: (input: NotifyInput) => t.running.app.db.db.transaction((tx) => t.running.app.services.notifications.notify(tx, input)),
    delivery: async (id: string) => (await t.running.app.db.db.select().from(deliveries).where(eq(deliveries.id, id)))[0],
    deliveriesOf: (notificationId: string) => t.running.app.db.db.select().from(deliveries).where(eq(deliveries.notificationId, notificationId)),
  };
}

describe('notification centre', () => {
  const t = useTestApp({ DELIVERY_MAX_ATTEMPTS: '3', SMS_WEBHOOK_SECRET: WEBHOOK_SECRET });
  let push: Awaited<ReturnType<typeof startPushService>>;
  beforeAll(async () => {
    push = await startPushService();
  });
  afterAll(async () => {
    await push.close();
  });

  it('a new account has sensible defaults; SECURITY cannot be switched off and the refusal names the field', async () => {
    const c = await registerCitizen(t);
    const { me } = await c.client.request(MyNotificationPreferencesDocument);
    const prefs = me?.notificationPreferences;
    expect(prefs?.timezone).toBe('Europe/Moscow');
    expect(prefs?.quietHoursStart).toBeNull();
    expect(prefs?.categories.find((x) => x.category === 'SECURITY')?.channels).toEqual(['EMAIL', 'SMS', 'IN_APP']);
    expect(prefs?.categories).toHaveLength(7);

    const err = await errorOf(c.client.request(UpdateNotificationPreferencesDocument, { input: { categories: [{ category: 'SECURITY', channels: ['IN_APP'] }] } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([{ field: 'input.categories.0.channels', message: 'Уведомления безопасности отключить нельзя: оставьте SMS или электронную почту' }]);
    const after = await c.client.request(MyNotificationPreferencesDocument);
    expect(after.me?.notificationPreferences.categories.find((x) => x.category === 'SECURITY')?.channels).toEqual(['EMAIL', 'SMS', 'IN_APP']);

    // And a security event still reaches the phone of someone who turned everything else off.
    await c.client.request(UpdateNotificationPreferencesDocument, { input: { categories: [{ category: 'SECURITY', channels: ['SMS'] }, { category: 'BOOKING', channels: [] }] } });
    const since = t.sms.messages.length;
    await c.client.request(ChangePasswordDocument, { currentPassword: c.password, newPassword: 'Другой-Пароль-77' });
    await t.sms.waitFor((m) => m.to === c.phone && /пароль изменён/i.test(m.text) && t.sms.messages.indexOf(m) >= since);
  });

  it('preferences decide the channels: push and feed only for bookings, e-mail only for load alerts', async () => {
    const { notify, deliveriesOf } = helpers(t);
    const c = await citizenWithEmail(t);
    const { pushPublicKey } = await t.client.request(PushPublicKeyDocument);
    expect(Buffer.from(pushPublicKey, 'base64url')).toHaveLength(65);
    const device = push.subscribe();
    await c.client.request(RegisterPushSubscriptionDocument, { input: { endpoint: device.endpoint, p256dh: device.p256dh, auth: device.auth } });
    const { updateNotificationPreferences: p } = await c.client.request(UpdateNotificationPreferencesDocument, {
      input: { categories: [{ category: 'BOOKING', channels: ['PUSH', 'IN_APP'] }, { category: 'LOAD_ALERT', channels: ['EMAIL'] }] },
    });
    expect(p.categories.find((x) => x.category === 'BOOKING')?.channels).toEqual(['PUSH', 'IN_APP']);

    const smsBefore = t.sms.messages.filter((m) => m.to === c.phone).length;
    const { notificationId } = await notify(booking(c.id, 'МФЦ-Б-0000777'));
    const shown = await push.waitFor((x) => x.subscription === device.id);
    expect(shown.payload).toMatchObject({ title: 'Запись МФЦ-Б-0000777 подтверждена', body: expect.stringContaining('МФЦ-Б-0000777'), notificationId });
    expect(shown.audience).toBe(push.origin);
    expect(shown.headers.ttl).toBe('86400');
    expect(push.errors).toEqual([]);

    await notify({ userId: c.id, template: 'load.alert', vars: { branch: 'МФЦ района Арбат', waiting: '2' }, subjectType: 'LoadAlert', subjectId: '00000000-0000-4000-8000-000000000002' });
    await t.mail.waitFor((m) => m.to.includes(c.email) && /МФЦ района Арбат сейчас в очереди 2 чел/.test(m.text));
    await new Promise((r) => setTimeout(r, 700));
    expect(t.sms.messages.filter((m) => m.to === c.phone)).toHaveLength(smsBefore);
    expect(t.mail.messages.filter((m) => m.to.includes(c.email) && /МФЦ-Б-0000777/.test(m.subject + m.text))).toHaveLength(0);
    expect(push.received.filter((x) => x.subscription === device.id)).toHaveLength(1);

    const { notifications } = await c.client.request(NotificationsDocument, {});
    expect(notifications.nodes.map((n) => n.title)).toEqual(['Запись МФЦ-Б-0000777 подтверждена']); // the load alert has no IN_APP
    await waitUntil(async () => (await deliveriesOf(notificationId)).every((d) => d.status !== 'QUEUED'));
    const { notifications: again } = await c.client.request(NotificationsDocument, {});
    expect(again.nodes[0]?.deliveries.map((d) => [d.channel, d.status, d.attempts]).sort()).toEqual([
      ['IN_APP', 'DELIVERED', 1],
      ['PUSH', 'SENT', 1],
    ]);
  });

  it('the feed: newest first, cursor pages, filters, read and delete, each owner only', async () => {
    const { notify } = helpers(t);
    const c = await registerCitizen(t);
    const other = await registerCitizen(t);
    // Each a few milliseconds apart, so "newest first" has one answer.
    for (let i = 1; i <= 5; i++) {
      await notify(booking(c.id, `МФЦ-Б-000010${i}`));
      t.clock.advance(5);
    }
    await notify({ userId: c.id, template: 'load.alert', vars: { branch: 'МФЦ района Арбат', waiting: '1' } });
    await notify({ userId: c.id, template: 'auth.code.login', vars: { code: '123456' }, to: { phone: c.phone }, channels: ['SMS'] });

    const first = (await c.client.request(NotificationsDocument, { first: 4 })).notifications;
    expect(first.totalCount).toBe(6); // the code is not in the feed
    expect(first.nodes.map((n) => n.title)).toEqual(['Очередь в МФЦ района Арбат уменьшилась', 'Запись МФЦ-Б-0000105 подтверждена', 'Запись МФЦ-Б-0000104 подтверждена', 'Запись МФЦ-Б-0000103 подтверждена']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await c.client.request(NotificationsDocument, { first: 4, after: first.pageInfo.endCursor })).notifications;
    expect(second.nodes.map((n) => n.title)).toEqual(['Запись МФЦ-Б-0000102 подтверждена', 'Запись МФЦ-Б-0000101 подтверждена']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const bookingsOnly = (await c.client.request(NotificationsDocument, { filter: { category: 'BOOKING' } })).notifications;
    expect(bookingsOnly.totalCount).toBe(5);
    expect((await c.client.request(UnreadNotificationCountDocument)).unreadNotificationCount).toBe(6);

    const [a, b] = bookingsOnly.nodes;
    // Someone else's ids change nothing.
    expect((await other.client.request(MarkNotificationsReadDocument, { ids: [a?.id ?? ''] })).markNotificationsRead).toBe(0);
    expect((await errorOf(other.client.request(DeleteNotificationDocument, { id: a?.id ?? '' }))).code).toBe('NOT_FOUND');
    expect((await other.client.request(NotificationsDocument, {})).notifications.totalCount).toBe(0);

    expect((await c.client.request(MarkNotificationsReadDocument, { ids: [a?.id ?? '', b?.id ?? ''] })).markNotificationsRead).toBe(2);
    expect((await c.client.request(MarkNotificationsReadDocument, { ids: [a?.id ?? ''] })).markNotificationsRead).toBe(0);
    const unread = (await c.client.request(NotificationsDocument, { filter: { unreadOnly: true } })).notifications;
    expect(unread.totalCount).toBe(4);
    expect(unread.nodes.map((n) => n.id)).not.toContain(a?.id);
    expect((await c.client.request(DeleteNotificationDocument, { id: a?.id ?? '' })).deleteNotification).toBe(true);
    expect((await c.client.request(NotificationsDocument, {})).notifications.totalCount).toBe(5);
    expect((await c.client.request(MarkAllNotificationsReadDocument)).markAllNotificationsRead).toBe(4);
    expect((await c.client.request(UnreadNotificationCountDocument)).unreadNotificationCount).toBe(0);
    expect((await errorOf(t.client.request(UnreadNotificationCountDocument))).code).toBe('UNAUTHENTICATED');
  });

  it('notificationAdded reaches its owner and no one else, after the commit', async () => {
    const { notify } = helpers(t);
    const c = await registerCitizen(t);
    const other = await registerCitizen(t);
    const mine = await subscribe(c.client, NotificationAddedDocument);
    const theirs = await subscribe(other.client, NotificationAddedDocument);
    try {
      await t.running.app.db.db
        .transaction(async (tx) => {
          await t.running.app.services.notifications.notify(tx, booking(c.id, 'МФЦ-Б-0000999'));
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const { notificationId } = await notify(booking(c.id, 'МФЦ-Б-0000555'));
      const e = await mine.next();
      expect(e.notificationAdded).toMatchObject({ id: notificationId, title: 'Запись МФЦ-Б-0000555 подтверждена', category: 'BOOKING' });
      await new Promise((r) => setTimeout(r, 500));
      expect(mine.events).toHaveLength(1);
      expect(theirs.events).toHaveLength(0);
    } finally {
      await mine.dispose();
      await theirs.dispose();
    }
  });

  it('a device the push service no longer knows (410) is removed; the other still gets the push', async () => {
    const { notify } = helpers(t);
    const c = await registerCitizen(t);
    const kept = push.subscribe();
    const gone = push.subscribe();
    for (const d of [kept, gone]) await c.client.request(RegisterPushSubscriptionDocument, { input: { endpoint: d.endpoint, p256dh: d.p256dh, auth: d.auth } });
    push.respondWith(gone.id, 410);
    await c.client.request(UpdateNotificationPreferencesDocument, { input: { categories: [{ category: 'BOOKING', channels: ['PUSH'] }] } });
    await notify(booking(c.id, 'МФЦ-Б-0000321'));
    await push.waitFor((x) => x.subscription === kept.id);
    await waitUntil(async () => (await c.client.request(MyPushSubscriptionsDocument)).myPushSubscriptions.length === 1);
    expect((await c.client.request(MyPushSubscriptionsDocument)).myPushSubscriptions.map((s) => s.endpoint)).toEqual([kept.endpoint]);
  });

  it('a push that fails for good falls back to SMS, once', async () => {
    const { notify, deliveriesOf } = helpers(t);
    const c = await registerCitizen(t);
    const device = push.subscribe();
    await c.client.request(RegisterPushSubscriptionDocument, { input: { endpoint: device.endpoint, p256dh: device.p256dh, auth: device.auth } });
    push.respondWith(device.id, 404);
    await c.client.request(UpdateNotificationPreferencesDocument, { input: { categories: [{ category: 'BOOKING', channels: ['PUSH', 'IN_APP'] }] } });
    const { notificationId } = await notify(booking(c.id, 'МФЦ-Б-0000432'));
    const sms = await t.sms.waitFor((m) => m.to === c.phone && m.text.includes('МФЦ-Б-0000432'));
    await waitUntil(async () => (await deliveriesOf(notificationId)).some((d) => d.channel === 'SMS' && d.status === 'SENT'));
    const rows = await deliveriesOf(notificationId);
    expect(rows.find((d) => d.channel === 'PUSH')).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'Устройство отписалось от уведомлений' });
    expect(rows.find((d) => d.channel === 'SMS')).toMatchObject({ id: sms.reference, fallbackOf: rows.find((d) => d.channel === 'PUSH')?.id });
    expect((await c.client.request(MyPushSubscriptionsDocument)).myPushSubscriptions).toEqual([]);
  });

  it('a failing SMS gateway (5xx) is retried with backoff, then the message falls back to e-mail once', async () => {
    const { notify, deliveriesOf } = helpers(t);
    const c = await citizenWithEmail(t);
    await c.client.request(UpdateNotificationPreferencesDocument, { input: { categories: [{ category: 'BOOKING', channels: ['SMS', 'IN_APP'] }] } });
    const received = t.sms.received;
    t.sms.setFailure({ status: 503 });
    try {
      const started = Date.now();
      const { notificationId } = await notify(booking(c.id, 'МФЦ-Б-0000654'));
      const mail = await t.mail.waitFor((m) => m.to.includes(c.email) && m.subject.includes('МФЦ-Б-0000654'), 10_000);
      expect(Date.now() - started, 'two backoff pauses (50 ms, 100 ms) before giving up').toBeGreaterThanOrEqual(150);
      expect(t.sms.received - received).toBe(3);
      expect(mail.text).toContain('Вы записаны в МФЦ района Тверской');
      await new Promise((r) => setTimeout(r, 500));
      const rows = await deliveriesOf(notificationId);
      const sms = rows.find((d) => d.channel === 'SMS');
      expect(sms).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'Шлюз SMS недоступен (HTTP 503)' });
      expect(rows.filter((d) => d.fallbackOf !== null).map((d) => [d.channel, d.fallbackOf, d.status])).toEqual([['EMAIL', sms?.id, 'SENT']]);
      expect(t.mail.messages.filter((m) => m.to.includes(c.email) && m.subject.includes('МФЦ-Б-0000654'))).toHaveLength(1);
      const feed = (await c.client.request(NotificationsDocument, {})).notifications.nodes[0];
      expect(feed?.deliveries.find((d) => d.channel === 'SMS')).toMatchObject({ status: 'FAILED', attempts: 3, lastError: 'Шлюз SMS недоступен (HTTP 503)', fallback: false });
      expect(feed?.deliveries.find((d) => d.channel === 'EMAIL')).toMatchObject({ status: 'SENT', fallback: true });
    } finally {
      t.sms.setFailure(null);
    }
  });

  it('an SMS delivery receipt moves SENT to DELIVERED, or to FAILED with a fallback; only with the shared secret', async () => {
    const { notify, delivery } = helpers(t);
    const c = await citizenWithEmail(t);
    await c.client.request(UpdateNotificationPreferencesDocument, { input: { categories: [{ category: 'BOOKING', channels: ['SMS', 'IN_APP'] }] } });
    const post = (body: unknown, secret = WEBHOOK_SECRET) =>
      fetch(`${t.url}/webhooks/sms-status`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify(body) });

    await notify(booking(c.id, 'МФЦ-Б-0000801'));
    const ok = await t.sms.waitFor((m) => m.to === c.phone && m.text.includes('МФЦ-Б-0000801'));
    await waitUntil(async () => (await delivery(ok.reference))?.status === 'SENT');
    expect((await post({ reference: ok.reference, status: 'DELIVERED' }, 'wrong-secret-wrong-secret')).status).toBe(401);
    expect((await post({ reference: ok.reference, status: 'LOST' })).status).toBe(400);
    expect((await delivery(ok.reference))?.status).toBe('SENT');
    const res = await post({ reference: ok.reference, status: 'DELIVERED' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updated: true });
    expect(await delivery(ok.reference)).toMatchObject({ status: 'DELIVERED' });
    expect(await (await post({ reference: ok.reference, status: 'FAILED' })).json(), 'a settled delivery stays as it is').toEqual({ updated: false });

    await notify(booking(c.id, 'МФЦ-Б-0000802'));
    const lost = await t.sms.waitFor((m) => m.to === c.phone && m.text.includes('МФЦ-Б-0000802'));
    await waitUntil(async () => (await delivery(lost.reference))?.status === 'SENT');
    expect(await (await post({ reference: lost.reference, status: 'FAILED', error: 'абонент недоступен' })).json()).toEqual({ updated: true });
    expect(await delivery(lost.reference)).toMatchObject({ status: 'FAILED', lastError: 'Оператор связи не доставил SMS: абонент недоступен' });
    await t.mail.waitFor((m) => m.to.includes(c.email) && m.subject.includes('МФЦ-Б-0000802'));
  });

  it('push subscriptions are checked and belong to their owner', async () => {
    const c = await registerCitizen(t);
    const err = await errorOf(c.client.request(RegisterPushSubscriptionDocument, { input: { endpoint: 'ftp://x', p256dh: 'abc', auth: 'def' } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect((err.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['input.endpoint', 'input.p256dh', 'input.auth']);
    expect((await errorOf(t.client.request(MyPushSubscriptionsDocument))).code).toBe('UNAUTHENTICATED');
  });
});

describe('quiet hours', () => {
  const t = useTestApp();

  it('without SMS_WEBHOOK_SECRET the receipt endpoint does not exist', async () => {
    const res = await fetch(`${t.url}/webhooks/sms-status`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer anything-at-all-here' }, body: '{}' });
    expect(res.status).toBe(404);
  });

  it('hold back a non-urgent SMS until they end (a delayed job), while e-mail and a code go at once', async () => {
    const { notify, delivery } = helpers(t);
    // 23:30 in Yekaterinburg (UTC+5) on the next day that is still ahead of real time.
    const at = new Date(Date.now() + 86_400_000);
    at.setUTCHours(18, 30, 0, 0);
    t.clock.set(at);
    try {
      const c = await citizenWithEmail(t);
      await c.client.request(UpdateNotificationPreferencesDocument, { input: { quietHoursStart: '22:00', quietHoursEnd: '08:00', timezone: 'Asia/Yekaterinburg' } });
      const { deliveryIds } = await notify({ userId: c.id, template: 'booking.reminder', vars: { number: 'МФЦ-Б-0000111', branch: 'МФЦ Екатеринбург', time: '03.12.2026 10:30', missing: '' } });
      const rows = await Promise.all(deliveryIds.map(delivery));
      const sms = rows.find((d) => d?.channel === 'SMS');
      const end = new Date(at.getTime() + 8.5 * 3_600_000); // 08:00 local
      expect(sms?.scheduledFor?.toISOString()).toBe(end.toISOString());
      expect(rows.find((d) => d?.channel === 'EMAIL')?.scheduledFor).toBeNull();

      await t.mail.waitFor((m) => m.to.includes(c.email) && /МФЦ-Б-0000111/.test(m.text));
      const queue = t.running.app.queues.get('notifications');
      await waitUntil(async () => (await queue.getJobState(`delivery-${sms?.id ?? ''}`)) === 'delayed');
      const job = await queue.getJob(`delivery-${sms?.id ?? ''}`);
      expect(job?.opts.delay).toBeGreaterThan(8.5 * 3_600_000 - 60_000);
      expect(job?.opts.delay).toBeLessThanOrEqual(8.5 * 3_600_000);

      // A code is urgent: it goes at once, quiet hours or not.
      const since = t.sms.messages.length;
      await notify({ userId: c.id, template: 'auth.code.login', vars: { code: '654321' }, to: { phone: c.phone }, channels: ['SMS'] });
      await t.sms.waitFor((m) => m.to === c.phone && m.text.includes('654321') && t.sms.messages.indexOf(m) >= since);
      expect(t.sms.messages.some((m) => m.to === c.phone && m.text.includes('МФЦ-Б-0000111'))).toBe(false);

      // When the quiet hours end (the delayed job comes due), the SMS goes.
      await job?.promote();
      await t.sms.waitFor((m) => m.to === c.phone && m.text.includes('МФЦ-Б-0000111'));
    } finally {
      t.clock.reset();
    }
  });
});
