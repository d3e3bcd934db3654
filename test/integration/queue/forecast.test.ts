/**
 * Forecast and recommendation, deterministic with the clock injected: hourly aggregates by hour of
 * week (seeded history over past weeks, and the aggregation job over raw samples of the last 24 h)
 * give a day's expected wait per opening hour with free appointment places; recommendBranches ranks
 * branches by the time until the citizen can be served. Branches in Novosibirsk (UTC+7) and Omsk
 * (UTC+6), not Moscow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { aggregateLoad } from '../../../src/modules/queue/index.js';
import {
  AddScheduleExceptionDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  BranchForecastDocument,
  IssueWalkInTicketDocument,
  OpenWindowDocument,
  RecommendBranchesDocument,
  SetBranchServiceCapacityDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { addDays, isoWeekday } from '../../../src/shared/days.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let serviceId: string;

const TODAY = new Date().toISOString().slice(0, 10);
/** The next Wednesday after today (signing keys and sessions live in real time: stay near it). */
const WEDNESDAY = addDays(TODAY, (3 - isoWeekday(TODAY) + 7) % 7 || 7);
const TUESDAY = addDays(WEDNESDAY, -1);
const at = (utc: string, day = WEDNESDAY) => t.clock.set(new Date(`${day}T${utc}:00Z`));
const sql = () => t.running.app.db.sql;

beforeAll(async () => {
  at('05:30'); // Novosibirsk 12:30, Omsk 11:30
  admin = (await createStaff(t, 'ADMIN')).client;
  serviceId = (await buildService(admin, (await buildCategory(admin)).id)).id;
});

async function novosibirsk() {
  const branch = await buildBranch(admin, { timezone: 'Asia/Novosibirsk', location: { lat: 55.03, lon: 82.92 } }, [serviceId]);
  await admin.request(SetBranchServiceCapacityDocument, { branchId: branch.id, serviceId, capacity: 2 });
  return branch;
}

/** An aggregate of one past local hour (Novosibirsk: UTC+7). */
async function seedHour(branchId: string, localStart: string, v: { wait: number; waiting: number; open: number }) {
  const start = new Date(`${localStart}:00+07:00`);
  const local = new Date(start.getTime() + 7 * 3_600_000);
  const how = (isoWeekday(local.toISOString().slice(0, 10)) - 1) * 24 + local.getUTCHours();
  await sql()`insert into branch_load_hours (branch_id, hour_start, hour_of_week, samples, avg_waiting, avg_open_windows, avg_wait_minutes)
              values (${branchId}, ${start.toISOString()}::timestamptz, ${how}, 12, ${v.waiting}, ${v.open}, ${v.wait})`;
}

describe('Branch.forecast', () => {
  it('no history: every opening hour LOW and 0 minutes, with the free places of the service per hour', async () => {
    at('05:30');
    const branch = await novosibirsk();
    const day = addDays(WEDNESDAY, 7);
    const { branch: b } = await t.client.request(BranchForecastDocument, { id: branch.id, date: day, serviceId });
    const hours = b?.forecast ?? [];
    expect(hours).toHaveLength(9); // 09:00-18:00
    expect(hours[0]).toMatchObject({ from: `${day}T02:00:00.000Z`, to: `${day}T03:00:00.000Z`, expectedWaitMinutes: 0, level: 'LOW', freeSlots: 8 });
    expect(hours.every((h) => h.expectedWaitMinutes === 0 && h.level === 'LOW' && h.freeSlots === 8)).toBe(true);

    const citizen = await createAccount(t, 'CITIZEN');
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId, from: day, to: day });
    await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId, startsAt: availableSlots[4]?.startsAt ?? '' } }); // 10:00
    const after = (await t.client.request(BranchForecastDocument, { id: branch.id, date: day, serviceId })).branch?.forecast ?? [];
    expect(after.map((h) => h.freeSlots)).toEqual([8, 7, 8, 8, 8, 8, 8, 8, 8]);
    const noService = (await t.client.request(BranchForecastDocument, { id: branch.id, date: day })).branch?.forecast ?? [];
    expect(noService.every((h) => h.freeSlots === 0)).toBe(true);
    const sunday = (await t.client.request(BranchForecastDocument, { id: branch.id, date: addDays(day, 4) })).branch?.forecast;
    expect(sunday).toEqual([]);
  });

  it('from seeded history: the mean of the kept weeks per hour of week, older weeks ignored', async () => {
    at('05:30');
    const branch = await novosibirsk();
    for (const [weeksAgo, wait] of [
      [1, 10],
      [2, 20],
      [3, 30],
      [9, 500], // beyond LOAD_AGGREGATE_WEEKS (8)
    ] as const) {
      await seedHour(branch.id, `${addDays(WEDNESDAY, -7 * weeksAgo)}T10:00`, { wait, waiting: 20, open: 2 });
    }
    await seedHour(branch.id, `${addDays(WEDNESDAY, -7)}T11:00`, { wait: 5, waiting: 8, open: 2 });
    // Today (default date) in the branch's zone.
    const { branch: b } = await t.client.request(BranchForecastDocument, { id: branch.id });
    const byHour = (b?.forecast ?? []).map((h) => [new Date(h.from).getUTCHours() + 7, h.expectedWaitMinutes, h.level]);
    expect(byHour.slice(0, 4)).toEqual([
      [9, 0, 'LOW'],
      [10, 20, 'HIGH'], // 20 waiting for 2 windows: 10 a window
      [11, 5, 'MEDIUM'], // 4 a window
      [12, 0, 'LOW'],
    ]);
  });

  it('the aggregation job: completed local hours of the last 24 h by hour of week, idempotent', async () => {
    at('05:30'); // Wednesday 12:30 in Novosibirsk
    const branch = await novosibirsk();
    const insert = (utc: string, waiting: number, wait: number) =>
      sql()`insert into branch_load_samples (branch_id, at, waiting, average_wait_minutes, open_windows, free_windows, level)
            values (${branch.id}, ${`${TUESDAY}T${utc}:00Z`}::timestamptz, ${waiting}, ${wait}, 1, 0, 'HIGH')`;
    await insert('07:05', 4, 12); // Tuesday 14:05 local
    await insert('07:50', 6, 18); // Tuesday 14:50 local
    await sql()`insert into branch_load_samples (branch_id, at, waiting, average_wait_minutes, open_windows, free_windows, level)
                values (${branch.id}, ${`${WEDNESDAY}T05:10:00Z`}::timestamptz, 9, 30, 1, 0, 'HIGH')`; // this hour: not complete yet
    const run = () => {
      const p = processors[aggregateLoad.name];
      if (!p) throw new Error('no processor');
      return p({ name: aggregateLoad.name, data: {} } as Job, t.running.app);
    };
    await run();
    await run();
    const rows = await sql()<{ at_hour: boolean; hour_of_week: number; samples: number; avg_waiting: number; avg_wait_minutes: number }[]>`
      select hour_start = ${`${TUESDAY}T07:00:00Z`}::timestamptz as at_hour, hour_of_week, samples, avg_waiting, avg_wait_minutes
      from branch_load_hours where branch_id = ${branch.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ at_hour: true, hour_of_week: 24 + 14, samples: 2, avg_waiting: 5, avg_wait_minutes: 15 });
    const { branch: b } = await t.client.request(BranchForecastDocument, { id: branch.id, date: addDays(TUESDAY, 7) });
    expect(b?.forecast[5]).toMatchObject({ from: `${addDays(TUESDAY, 7)}T07:00:00.000Z`, expectedWaitMinutes: 15, level: 'MEDIUM' });
  });
});

describe('recommendBranches', () => {
  it('ranks by the time until served (walk-in now or the next free place), then distance; closed branches by their next place', async () => {
    at('05:30'); // Omsk 11:30: the first place is at 12:30
    const omsk = { lat: 54.98, lon: 73.37 };
    const make = async (name: string, kmNorth: number) => {
      const b = await buildBranch(admin, { name, timezone: 'Asia/Omsk', location: { lat: omsk.lat + kmNorth / 111.2, lon: omsk.lon } }, [serviceId]);
      return b;
    };
    const busy = await make('МФЦ Омск, занятое', 1);
    const quiet = await make('МФЦ Омск, свободное', 3);
    const further = await make('МФЦ Омск, дальнее', 5);
    const closed = await make('МФЦ Омск, закрытое', 2);
    await make('МФЦ Омск, за радиусом', 40);
    await admin.request(AddScheduleExceptionDocument, { branchId: closed.id, input: { date: WEDNESDAY, closed: true, note: 'Санитарный день' } });
    const operator = (await createAccount(t, 'OPERATOR', { staffBranchId: busy.id })).client;
    await operator.request(OpenWindowDocument, { branchId: busy.id, window: 1 });
    for (let i = 0; i < 6; i++) await operator.request(IssueWalkInTicketDocument, { branchId: busy.id, serviceId });

    at('05:29'); // a minute before 11:30 in Omsk: the places from 12:30 are an hour ahead
    const { recommendBranches } = await t.client.request(RecommendBranchesDocument, { serviceId, near: omsk, radiusKm: 25, first: 10 });
    expect(recommendBranches.map((r) => r.branch.id)).toEqual([quiet.id, further.id, busy.id, closed.id]);
    const [q, , bz, cl] = recommendBranches;
    expect(q).toMatchObject({ waitNowMinutes: 10, nextFreeSlot: { startsAt: `${WEDNESDAY}T06:30:00.000Z`, available: 1 } });
    expect(q?.distanceKm).toBeCloseTo(3, 0);
    expect(bz?.waitNowMinutes).toBe(70); // 7th in line at one window, 10 minutes each; the place at 12:30 is sooner
    expect(cl?.nextFreeSlot?.startsAt.slice(0, 10)).toBe(addDays(WEDNESDAY, 1));
    expect((await t.client.request(RecommendBranchesDocument, { serviceId, near: omsk, first: 2 })).recommendBranches.map((r) => r.branch.id)).toEqual([quiet.id, further.id]);

    const radius = await errorOf(t.client.request(RecommendBranchesDocument, { serviceId, near: omsk, radiusKm: 0 }));
    expect(radius.extensions.fields).toEqual([expect.objectContaining({ field: 'radiusKm' })]);
    const first = await errorOf(t.client.request(RecommendBranchesDocument, { serviceId, near: omsk, first: 0 }));
    expect(first.extensions.fields).toEqual([expect.objectContaining({ field: 'first' })]);
    expect((await errorOf(t.client.request(RecommendBranchesDocument, { serviceId: '00000000-0000-4000-8000-000000000000', near: omsk }))).code).toBe('NOT_FOUND');
  });
});
