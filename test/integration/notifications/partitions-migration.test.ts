/**
 * Migration 0030 (notifications and deliveries partitioned by month) on a database that already
 * has notifications: every row moves over with its id, into its month (months are made from the
 * oldest row's on), each delivery with its notification's time; new rows get version-7 ids.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate } from '../../../src/db/migrate.js';
import { uuid7Time } from '../../../src/db/uuid7.js';
import { databaseBefore } from '../../helpers/migrations.js';

describe('migration 0030_notifications_partitioned', () => {
  it('moves the notifications and deliveries a database holds into their months, ids kept', async () => {
    const db = await databaseBefore('0030_');
    onTestFinished(() => db.close());
    const { sql } = db;

    // Given a database at 0029 with notifications of three months ago and of today, with deliveries
    const [user] = await sql<Array<{ id: string }>>`insert into users (last_name, first_name, phone) values ('Иванов', 'Иван', '+79990000001') returning id`;
    const old = randomUUID();
    const today = randomUUID();
    await sql`insert into notifications (id, user_id, category, template, title, body, in_feed, created_at) values
      (${old}, ${user?.id ?? ''}, 'SYSTEM', 'm', 'Старое', 'Старое', true, date_trunc('month', now()) - interval '3 months' + interval '2 days'),
      (${today}, ${user?.id ?? ''}, 'BOOKING', 'm', 'Новое', 'Новое', true, now())`;
    await sql`insert into deliveries (notification_id, channel, content, status) values
      (${old}, 'SMS', '{"text":"с"}', 'DELIVERED'), (${old}, 'EMAIL', '{"text":"е"}', 'FAILED'), (${today}, 'SMS', '{"text":"н"}', 'QUEUED')`;
    const ids = async (table: string) => (await sql<Array<{ id: string }>>`select id from ${sql(table)} order by id`).map((r) => r.id);
    const [notificationsBefore, deliveriesBefore] = [await ids('notifications'), await ids('deliveries')];

    // When the rest of the migrations run
    await migrate(db.url);

    // Then every row is there with its id, in its own month's partition, never the default
    expect(await ids('notifications')).toEqual(notificationsBefore);
    expect(await ids('deliveries')).toEqual(deliveriesBefore);
    const placed = await sql<Array<{ part: string; month: string }>>`
      select tableoid::regclass::text as part, to_char(created_at at time zone 'UTC', 'YYYYMM') as month from notifications
      union all
      select d.tableoid::regclass::text, to_char(d.notification_created_at at time zone 'UTC', 'YYYYMM') from deliveries d`;
    expect(placed.length).toBe(5);
    for (const p of placed) expect(p.part).toMatch(new RegExp(`^(notifications|deliveries)_p${p.month}$`));
    const [mismatch] = await sql<Array<{ n: number }>>`select count(*)::int as n from deliveries d join notifications n on n.id = d.notification_id where d.notification_created_at <> n.created_at`;
    expect(mismatch?.n).toBe(0);

    // And a row written without an id gets a version-7 one of its time
    const [fresh] = await sql<Array<{ id: string; ms: number }>>`insert into notifications (category, template, title, body) values ('SYSTEM', 'm', 'Т', 'Т') returning id, (extract(epoch from created_at) * 1000)::float8 as ms`;
    expect(uuid7Time(fresh?.id ?? '')?.getTime()).toBe(Math.floor(fresh?.ms ?? 0));
  });
});
