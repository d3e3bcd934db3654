/**
 * Notifications and deliveries partitioned by UTC month of the notification's creation (migration
 * 0030): ids are UUIDv7 of that moment, held to it by a check; a look-up by id reads one month; a
 * notification and its deliveries share a month; notifications.prune creates the months ahead,
 * drops whole months of both past NOTIFICATION_RETENTION_DAYS and deletes older rows from the
 * default partitions; rows kept from before (random ids) are still found.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { DeleteNotificationDocument, MarkNotificationsReadDocument, NotificationsDocument } from '../../../src/sdk/generated/graphql.js';
import { ensurePartitions, partitionName, periodStart } from '../../../src/db/partitions.js';
import { uuid7Time } from '../../../src/db/uuid7.js';
import type { NotifyInput } from '../../../src/modules/notifications/index.js';
import { registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { partitionNames } from '../../helpers/partitions.js';
import { planOf, statementsOf } from '../../helpers/statements.js';

const t = useTestApp({ NOTIFICATION_RETENTION_DAYS: '60' });
const DAY = 86_400_000;
const month = (table: string, at: Date, n = 0) => partitionName(table, 'month', periodStart('month', at, n));
const notify = (input: NotifyInput) => t.running.app.db.db.transaction((tx) => t.running.app.services.notifications.notify(tx, input));
const booking = (userId: string, number: string): NotifyInput => ({
  userId,
  template: 'booking.confirmed',
  vars: { number, branch: 'МФЦ района Тверской', time: '12 декабря, 10:00' },
  subjectType: 'Booking',
  subjectId: randomUUID(),
});

/** The statements on notifications and deliveries the app sends while `fn` runs, each with its plan. */
async function plansOf(fn: () => Promise<unknown>): Promise<string[]> {
  const sql = t.running.app.db.sql;
  const sent = (await statementsOf(sql, fn)).filter((x) => /\b(notifications|deliveries)\b/.test(x.text) && /^\s*(select|update)/i.test(x.text));
  return Promise.all(sent.map(async (s) => `${s.text}\n${await planOf(sql, s)}`));
}

describe('notifications partitioned by month', () => {
  it('a new notification and its deliveries carry its moment in their ids and share its month; a look-up by id reads that month only', async () => {
    const sql = t.running.app.db.sql;
    for (const table of ['notifications', 'deliveries']) {
      expect((await sql`select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid where c.relname = ${table}`).length).toBe(1);
    }
    const c = await registerCitizen(t);
    const now = t.clock.now();
    await ensurePartitions(t.running.app.db.db, 'notifications', 'month', now, 1);
    await ensurePartitions(t.running.app.db.db, 'deliveries', 'month', now, 1);
    const { notificationId, deliveryIds } = await notify(booking(c.id, 'МФЦ-Б-0000301'));
    expect(deliveryIds.length).toBeGreaterThan(0);
    const [n] = await sql<Array<{ ms: number; part: string }>>`select (extract(epoch from created_at) * 1000)::float8 as ms, tableoid::regclass::text as part from notifications where id = ${notificationId}`;
    expect(uuid7Time(notificationId)?.getTime()).toBe(n?.ms);
    expect(n?.part).toBe(month('notifications', now));
    const ds = await sql<Array<{ id: string; ms: number; part: string }>>`select id, (extract(epoch from notification_created_at) * 1000)::float8 as ms, tableoid::regclass::text as part from deliveries where notification_id = ${notificationId}`;
    expect(ds.map((d) => d.part)).toEqual(ds.map(() => month('deliveries', now)));
    for (const d of ds) {
      expect(d.ms).toBe(n?.ms);
      expect(uuid7Time(d.id)?.getTime()).toBe(n?.ms);
    }

    // Reads by id (the feed's deliveries, marking read, sending a delivery): one month each.
    const other = month('notifications', now, 1);
    const plans = [
      ...(await plansOf(() => c.client.request(NotificationsDocument, { first: 5 }))),
      ...(await plansOf(() => c.client.request(MarkNotificationsReadDocument, { ids: [notificationId] }))),
      ...(await plansOf(() => t.running.app.services.delivery.deliver(deliveryIds[0] ?? '', { finalAttempt: true }).catch(() => 'settled'))),
    ];
    // (The feed's own page and count read by owner, every month: not by id.)
    const byId = plans.filter((p) => /"(notifications|deliveries)"\."(id|notification_id)" (=|in)/i.test(p.split('\n')[0] ?? ''));
    expect(byId.length).toBeGreaterThanOrEqual(3);
    for (const p of byId) {
      expect(p, p).not.toContain(other);
      expect(p, p).not.toContain('_default');
    }
  });

  it('an SMS receipt carrying our delivery id settles it reading that month only; a gateway\'s own reference is still found', async () => {
    const sql = t.running.app.db.sql;
    const c = await registerCitizen(t);
    const now = t.clock.now();
    for (const table of ['notifications', 'deliveries']) await ensurePartitions(t.running.app.db.db, table, 'month', now, 1);
    const sent = async (providerRef: string | null) => {
      const { deliveryIds } = await notify(booking(c.id, 'МФЦ-Б-0000302'));
      const id = deliveryIds[0] ?? '';
      await sql`update deliveries set channel = 'SMS', status = 'SENT', provider_ref = ${providerRef} where id = ${id}`;
      return id;
    };
    const ours = await sent(null);
    const plans = await plansOf(() => t.running.app.services.delivery.receipt({ reference: ours, status: 'DELIVERED' }));
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(p, p).not.toContain(month('deliveries', now, 1));
      expect(p, p).not.toContain('_default');
    }
    const [settled] = await sql<Array<{ status: string }>>`select status from deliveries where id = ${ours}`;
    expect(settled?.status).toBe('DELIVERED');
    // A gateway that answers with its own id (a UUID or not) is matched by provider_ref, across months.
    for (const ref of ['gw-771', randomUUID()]) {
      const theirs = await sent(ref);
      expect(await t.running.app.services.delivery.receipt({ reference: ref, status: 'FAILED', error: 'absent' })).toBe(true);
      const [row] = await sql<Array<{ status: string }>>`select status from deliveries where id = ${theirs}`;
      expect(row?.status).toBe('FAILED');
    }
    expect(await t.running.app.services.delivery.receipt({ reference: ours, status: 'FAILED' })).toBe(false);
  });

  it('a version-7 id must carry its row time: the check refuses one that does not', async () => {
    const sql = t.running.app.db.sql;
    const refused = await sql`insert into notifications (id, category, template, title, body, created_at) values (uuid_v7(now() - interval '1 day'), 'SYSTEM', 'partition.test', 'Т', 'Т', now())`.catch((e: { constraint_name?: string }) => e.constraint_name);
    expect(refused).toBe('notifications_id_time');
    const [ok] = await sql<Array<{ id: string }>>`insert into notifications (category, template, title, body) values ('SYSTEM', 'partition.test', 'Т', 'Т') returning id`;
    expect(uuid7Time(ok?.id ?? '')).not.toBeNull();
  });

  it('rows from before (random ids) are still found by id: read, cleared', async () => {
    const c = await registerCitizen(t);
    const sql = t.running.app.db.sql;
    const legacy = randomUUID();
    await sql`insert into notifications (id, user_id, category, template, title, body, in_feed, created_at)
              values (${legacy}, ${c.id}, 'SYSTEM', 'partition.test', 'Старое', 'Старое уведомление', true, now() - interval '3 days')`;
    await sql`insert into deliveries (id, notification_id, notification_created_at, channel, content, status)
              select ${randomUUID()}, id, created_at, 'IN_APP', '{"text":"Старое"}'::jsonb, 'DELIVERED' from notifications where id = ${legacy}`;
    const feed = await c.client.request(NotificationsDocument, { first: 10 });
    const old = feed.notifications.nodes.find((x) => x.id === legacy);
    expect(old?.deliveries.map((d) => d.channel)).toEqual(['IN_APP']);
    expect((await c.client.request(MarkNotificationsReadDocument, { ids: [legacy] })).markNotificationsRead).toBe(1);
    expect((await c.client.request(DeleteNotificationDocument, { id: legacy })).deleteNotification).toBe(true);
  });

  it('the job keeps months ahead, drops whole months of both past NOTIFICATION_RETENTION_DAYS, and empties the defaults of older rows', async () => {
    const sql = t.running.app.db.sql;
    const c = await registerCitizen(t);
    const now = t.clock.now();
    const db = t.running.app.db.db;
    for (const table of ['notifications', 'deliveries']) await ensurePartitions(db, table, 'month', periodStart('month', now, -5), 4); // months -5 .. -1
    const at = (ms: number) => new Date(ms).toISOString();
    const write = async (when: string, title: string) => {
      const [n] = await sql<Array<{ id: string }>>`
        insert into notifications (id, user_id, category, template, title, body, in_feed, created_at)
        values (uuid_v7(${when}::timestamptz), ${c.id}, 'SYSTEM', 'partition.test', ${title}, ${title}, true, ${when}::timestamptz) returning id`;
      await sql`insert into deliveries (id, notification_id, notification_created_at, channel, content, status)
                values (uuid_v7(${when}::timestamptz), ${n?.id ?? ''}, ${when}::timestamptz, 'IN_APP', '{"text":"т"}'::jsonb, 'DELIVERED')`;
    };
    await write(at(periodStart('month', now, -5).getTime() + DAY), 'OLD_5');
    await write(at(periodStart('month', now, -4).getTime() + DAY), 'OLD_4');
    await write(at(now.getTime() - 20 * DAY), 'RECENT'); // within the 60 days: its month stays
    await write(at(periodStart('month', now, -30).getTime()), 'ANCIENT'); // no month of its own: in the default partitions
    await sql.unsafe(`drop table "${month('deliveries', now, 3)}"`);
    await sql.unsafe(`drop table "${month('notifications', now, 3)}"`); // the last month ahead: made again

    const processor = processors['notifications.prune'];
    if (!processor) throw new Error('no processor for notifications.prune');
    // (ROLE=all: the scheduled run may come first; either way the job made and dropped them.)
    await processor({ name: 'notifications.prune', data: {} } as Job, t.running.app);
    for (const table of ['notifications', 'deliveries']) {
      const left = await partitionNames(t.running.app.db.sql, table);
      expect(left).not.toContain(month(table, now, -5));
      expect(left).not.toContain(month(table, now, -4));
      expect(left).toEqual(expect.arrayContaining([month(table, now), month(table, now, 3), month(table, new Date(now.getTime() - 20 * DAY)), `${table}_default`]));
    }
    const titles = await sql<Array<{ title: string; deliveries: number }>>`
      select n.title, (select count(*)::int from deliveries d where d.notification_id = n.id) as deliveries
      from notifications n where n.user_id = ${c.id} and n.template = 'partition.test' order by n.created_at`;
    expect(titles).toEqual([{ title: 'RECENT', deliveries: 1 }]);
    const [orphans] = await sql<Array<{ n: number }>>`select count(*)::int as n from deliveries d where not exists (select 1 from notifications n where n.id = d.notification_id)`;
    expect(orphans?.n).toBe(0);
  });
});
