/**
 * A citizen's reads of month-partitioned tables that name no month (the notification feed, its
 * counts, the security journal, bookings' histories) go as prepared statements: planning them
 * opens every month's indexes (3 ms at three years of months, bench/partitions.ts), so each is
 * planned once per connection (src/db/prepared.ts runPrepared) and answers as before, also with
 * three years of months in place.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AvailableSlotsDocument, BookAppointmentDocument, MyActivityDocument, MyBookingsDocument, NotificationsDocument, UnreadNotificationCountDocument } from '../../../src/sdk/generated/graphql.js';
import { ensurePartitions, periodStart } from '../../../src/db/partitions.js';
import { createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { preparedFlagsOf } from '../../helpers/statements.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();

describe('reads across every month', () => {
  it('the feed, its counts, the journal and histories are prepared statements and answer as before over 40 months', async () => {
    const { db } = t.running.app.db;
    const now = t.clock.now();
    for (const table of ['notifications', 'deliveries', 'activity_entries', 'booking_events']) await ensurePartitions(db, table, 'month', periodStart('month', now, -36), 39);
    const c = await registerCitizen(t);
    for (const n of [1, 2]) {
      await db.transaction((tx) => t.running.app.services.notifications.notify(tx, { userId: c.id, template: 'booking.slot_freed', vars: { branch: `МФЦ №${n}`, date: '01.01.2027' }, subjectType: 'Test', subjectId: randomUUID() }));
    }
    const admin = (await createStaff(t, 'ADMIN')).client;
    const service = await buildService(admin, (await buildCategory(admin)).id, { appointmentMinutes: 15 });
    const branch = await buildBranch(admin, { timezone: 'Europe/Moscow', workingHours: EVERY_DAY }, [service.id]);
    const day = new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const [slot] = (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day })).availableSlots;
    await c.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: slot?.startsAt ?? '' } });

    let answers: unknown[] = [];
    const sent = await preparedFlagsOf(t.running.app.db.sql, async () => {
      answers = await Promise.all([
        c.client.request(NotificationsDocument, { first: 5 }),
        c.client.request(UnreadNotificationCountDocument, {}),
        c.client.request(MyActivityDocument, { first: 5 }),
        c.client.request(MyBookingsDocument, { first: 5 }),
      ]);
    });
    const [feed, unread, activity, bookings] = answers as [
      { notifications: { totalCount: number; nodes: unknown[] } },
      { unreadNotificationCount: number },
      { myActivity: { totalCount: number; nodes: unknown[] } },
      { myBookings: { nodes: Array<{ history: Array<{ status: string }> }> } },
    ];
    // Two notifications and the booking's own entry in the feed, all unread.
    expect(feed.notifications.totalCount).toBeGreaterThanOrEqual(2);
    expect(feed.notifications.nodes).toHaveLength(feed.notifications.totalCount);
    expect(unread.unreadNotificationCount).toBe(feed.notifications.totalCount);
    expect(activity.myActivity.totalCount).toBeGreaterThan(0);
    expect(activity.myActivity.nodes.length).toBe(Math.min(5, activity.myActivity.totalCount));
    expect(bookings.myBookings.nodes[0]?.history.map((e) => e.status)).toEqual(['PENDING_CONFIRMATION']);

    const reads = sent.filter((s) => /^\s*select\b/i.test(s.text) && /from "(notifications|activity_entries|booking_events)"/.test(s.text));
    for (const table of ['notifications', 'activity_entries', 'booking_events']) expect(reads.some((s) => s.text.includes(`from "${table}"`)), table).toBe(true);
    for (const s of reads) expect(s.prepared, s.text).toBe(true);
  });
});
