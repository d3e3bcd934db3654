/**
 * `npm run seed:scale -- --database mfc_scale --scale 0.05` (or `--citizens 1000000 --branches 1000`):
 * fills a database of its own with national-scale data (issue 13): on top of the demo data
 * (catalog, admin, demo citizen, 30 branches, operators: scripts/seed-demo.ts, through the app so
 * sealed fields are sealed), set-based SQL (INSERT … SELECT generate_series) adds branches (hours
 * and services copied from the demo ones), citizens, bookings with their events, notifications with
 * their deliveries, applications with their timelines, and days of load samples. At scale 1:
 * 1,000 branches, 1,000,000 citizens, 5,000,000 bookings, 20,000,000 notifications and deliveries,
 * 2,000,000 applications (6,000,000 timeline events), 90 days of load samples every 15 minutes of
 * the opening hours. Every count follows --scale unless given; per citizen the shape is fixed.
 *
 * The rows are valid for the app: constraints and enums hold, at most one active booking per citizen
 * (the overlap exclusion), future bookings hold their slot places (slot_places.taken), citizens have
 * the demo password (DEMO_PASSWORD) and no sealed field (SNILS/INN stay empty: sealed ones come from
 * the app only). Numbers of generated bookings and applications start with "SC" and never meet the
 * app's own. The database is dropped and recreated: never point it at one you want to keep.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { migrate } from '../src/db/migrate.js';
import { DEMO_CITIZEN_PHONE, seedDemo } from './seed-demo.js';

export const BENCH_DATA_KEY = 'YmVuY2gtb25seS1kYXRhLWVuY3J5cHRpb24ta2V5ISE=';

export interface ScalePlan {
  branches: number;
  citizens: number;
  bookingsPerCitizen: number;
  notificationsPerCitizen: number;
  applicationsPerCitizen: number;
  eventsPerApplication: number;
  sampleDays: number;
  /** How far back the notifications go (`--notification-days`, default `--days`): 1095 spreads them over NOTIFICATION_RETENTION_DAYS' 36 months, as in production after three years. */
  notificationDays: number;
  sampleMinutes: number;
}

export function planOf(args: { scale?: string; citizens?: string; branches?: string; days?: string; 'notification-days'?: string; 'sample-minutes'?: string }): ScalePlan {
  const scale = Number(args.scale ?? 1);
  return {
    citizens: Number(args.citizens ?? Math.round(1_000_000 * scale)),
    branches: Math.max(30, Number(args.branches ?? Math.round(1000 * scale))),
    bookingsPerCitizen: 5,
    notificationsPerCitizen: 20,
    applicationsPerCitizen: 2,
    eventsPerApplication: 3,
    sampleDays: Number(args.days ?? 90),
    notificationDays: Number(args['notification-days'] ?? args.days ?? 90),
    sampleMinutes: Number(args['sample-minutes'] ?? 15),
  };
}

function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreate(base: string, name: string): Promise<string> {
  const admin = postgres(databaseUrl(base, 'postgres'), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return databaseUrl(base, name);
}

async function seedDemoData(url: string, redisUrl: string): Promise<void> {
  await migrate(url);
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: url, REDIS_URL: redisUrl, DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? BENCH_DATA_KEY, MIGRATE_ON_START: 'false', ROLE: 'api' });
  const app = await createApp(config);
  try {
    await seedDemo(app);
  } finally {
    await app.close();
  }
}

type Step = [name: string, sql: string];

/** Branches past the 30 demo ones: copies of them (hours and services too) spread around them. */
function branchSteps(p: ScalePlan): Step[] {
  return [
    ['demo branch numbering', `create temp table demo_branch as select row_number() over (order by id) - 1 as n, * from branches`],
    ['branches', `insert into branches (name, region_code, locality, address, lat, lon, timezone, phone, windows)
      select 'МФЦ № ' || i, d.region_code, d.locality, d.address || ', корпус ' || i, least(89, d.lat + ((i * 7919) % 1000) / 10000.0), least(179, d.lon + ((i * 104729) % 1000) / 10000.0), d.timezone, d.phone, d.windows
      from generate_series(1, ${Math.max(0, p.branches - 30)}) i join demo_branch d on d.n = i % 30`],
    ['branch copies', `create temp table branch_of as select b.id, d.id as model from branches b join demo_branch d on b.name like 'МФЦ № %' and d.n = (substring(b.name from 7)::int % 30)`],
    ['working hours', `insert into working_hours select c.id, w.weekday, w.opens, w.closes, w.break_start, w.break_end from branch_of c join working_hours w on w.branch_id = c.model`],
    ['branch services', `insert into branch_services select c.id, s.service_id, s.capacity from branch_of c join branch_services s on s.branch_id = c.model`],
    ['offerings', `create temp table offering as select row_number() over (order by bs.branch_id, bs.service_id) - 1 as n, bs.branch_id, bs.service_id, s.appointment_minutes as minutes from branch_services bs join services s on s.id = bs.service_id where s.archived_at is null and s.requires_appointment`],
    ['branch numbering', `create temp table branch_n as select row_number() over (order by id) - 1 as n, id, timezone from branches`],
  ];
}

/** Citizens with the demo citizen's password; phones +7 950 nnn-nn-nn. */
function citizenSteps(p: ScalePlan): Step[] {
  return [
    ['citizens', `insert into users (phone, phone_verified, password_hash, last_name, first_name, middle_name, birth_date, trust_level, terms_accepted_at, created_at, updated_at)
      select '+7950' || lpad(i::text, 7, '0'), true, (select password_hash from users where phone = '${DEMO_CITIZEN_PHONE}'),
        (array['Иванов','Петров','Сидоров','Смирнов','Кузнецов','Попов','Васильев','Соколов'])[1 + i % 8],
        (array['Иван','Пётр','Сергей','Алексей','Дмитрий','Андрей','Михаил','Николай'])[1 + (i / 8) % 8],
        (array['Иванович','Петрович','Сергеевич','Алексеевич'])[1 + (i / 64) % 4],
        date '1950-01-01' + (i % 20000), (array['SIMPLIFIED','STANDARD','CONFIRMED']::trust_level[])[1 + i % 3],
        now() - interval '400 days', now() - ((i % 400) || ' days')::interval, now()
      from generate_series(1, ${p.citizens}) i`],
    ['citizen numbering', `create temp table citizen as select (substring(phone from 6)::int) as k, id from users where phone like '+7950%'`],
    ['citizen index', `create index on citizen (k)`],
  ];
}

/**
 * Per citizen: bookingsPerCitizen − 1 past visits (completed, cancelled, no-show) a week or more
 * apart and one confirmed visit in the next two weeks (a weekday, 10:00–17:45 local). With events.
 */
function bookingSteps(p: ScalePlan): Step[] {
  const b = p.bookingsPerCitizen;
  return [
    ['bookings', `insert into bookings (number, user_id, branch_id, service_id, starts_at, ends_at, original_starts_at, status, reschedule_count, created_at, updated_at)
      select 'SC' || lpad((c.k * ${b} + j)::text, 10, '0'), c.id, o.branch_id, o.service_id, t.starts, t.starts + (o.minutes || ' minutes')::interval, t.starts,
        (case when j = ${b - 1} then 'CONFIRMED' when (c.k + j) % 10 = 0 then 'CANCELLED' when (c.k + j) % 17 = 0 then 'NO_SHOW' else 'COMPLETED' end)::booking_status,
        0, t.starts - interval '5 days', t.starts
      from citizen c cross join generate_series(0, ${b - 1}) j
      join offering o on o.n = (c.k * 31 + j * 17) % (select count(*) from offering)
      join branch_n bn on bn.id = o.branch_id
      cross join lateral (select case when j = ${b - 1}
          then ((date_trunc('day', now() at time zone bn.timezone)::date + 1 + (c.k % 12)
                 + case extract(isodow from date_trunc('day', now() at time zone bn.timezone)::date + 1 + (c.k % 12))::int when 6 then 2 when 7 then 1 else 0 end)
                + time '10:00' + ((c.k % 32) * 15 || ' minutes')::interval) at time zone bn.timezone
          else date_trunc('day', now()) - ((7 * (j + 1) + c.k % 7) || ' days')::interval + time '07:00' + ((c.k % 32) * 15 || ' minutes')::interval end as starts) t`],
    // booking_events is partitioned by UTC month of "at" (migration 0031): the months the events fall in first.
    ['booking event partitions', monthPartitions(['booking_events'], `(select min(created_at) from bookings where number like 'SC%')`)],
    ['booking events (created)', `insert into booking_events (booking_id, status, at) select id, 'CONFIRMED', created_at from bookings where number like 'SC%'`],
    ['booking events (outcome)', `insert into booking_events (booking_id, status, at) select id, status, starts_at from bookings where number like 'SC%' and status <> 'CONFIRMED'`],
    ['slot places of future bookings', `insert into slot_places (branch_id, service_id, starts_at, taken, capacity)
      select b.branch_id, b.service_id, b.starts_at, count(*), greatest(count(*), max(bs.capacity))
      from bookings b join branch_services bs on bs.branch_id = b.branch_id and bs.service_id = b.service_id
      where b.number like 'SC%' and b.status = 'CONFIRMED' group by 1, 2, 3
      on conflict (branch_id, service_id, starts_at) do update set taken = slot_places.taken + excluded.taken, capacity = greatest(slot_places.capacity, slot_places.taken + excluded.taken)`],
  ];
}

/** A DO block making the UTC month partitions `_pYYYYMM` of the tables from the month of `from` (SQL) to now's. */
function monthPartitions(tables: string[], from: string): string {
  const create = tables.map((table) => `execute format('create table if not exists %I partition of ${table} for values from (%L) to (%L)',
          '${table}_p' || to_char(m, 'YYYYMM'), m::timestamp at time zone 'UTC', (m + interval '1 month')::timestamp at time zone 'UTC');`);
  return `do $$ declare m date; begin
      for m in select generate_series(date_trunc('month', (${from}) at time zone 'UTC'), date_trunc('month', now() at time zone 'UTC'), interval '1 month')::date loop
        ${create.join('\n        ')}
      end loop; end $$`;
}

/** Notifications spread over the last `notificationDays` days, in the feed, mostly read; one delivered SMS each. */
function notificationSteps(p: ScalePlan): Step[] {
  const n = p.notificationsPerCitizen;
  // Both tables are partitioned by UTC month of the notification's time (migration 0030), and a
  // row's id carries that time (uuid_v7): the months get their partitions first.
  return [
    ['notification partitions', monthPartitions(['notifications', 'deliveries'], `now() - interval '${p.notificationDays + 1} days'`)],
    ['notifications', `insert into notifications (id, user_id, category, template, title, body, subject_type, in_feed, read_at, created_at)
      select uuid_v7(x.at), x.user_id, x.category, 'scale.generated', x.title, x.body, null, true, x.read_at, x.at
      from (select c.id as user_id, (array['BOOKING','APPLICATION_STATUS','SYSTEM','SECURITY']::notification_category[])[1 + j % 4] as category,
        'Уведомление ' || j as title, 'Сообщение номер ' || j || ' о ваших делах в МФЦ' as body,
        case when j > 2 then now() - ((j * 4) || ' days')::interval + interval '1 hour' end as read_at,
        date_trunc('milliseconds', now() - ((j * ${p.notificationDays} / ${n}) || ' days')::interval - ((c.k % 1440) || ' minutes')::interval) as at
      from citizen c cross join generate_series(0, ${n - 1}) j) x`],
    ['deliveries', `insert into deliveries (id, notification_id, notification_created_at, channel, destination, content, status, attempts, sent_at, delivered_at, created_at, updated_at)
      select uuid_v7(n.created_at), n.id, n.created_at, 'SMS', '+7950***', '{"text":"МФЦ: уведомление"}'::jsonb, 'DELIVERED', 1, n.created_at, n.created_at + interval '5 seconds', n.created_at, n.created_at
      from notifications n where n.template = 'scale.generated'`],
  ];
}

/** Applications submitted to a branch, with a three-step timeline (submitted, accepted, current). */
function applicationSteps(p: ScalePlan): Step[] {
  const a = p.applicationsPerCitizen;
  return [
    ['applications', `insert into applications (number, user_id, service_id, branch_id, status, data, version, due_date, submitted_at, created_at, updated_at)
      select 'SC-' || lpad((c.k * ${a} + j)::text, 10, '0'), c.id, o.service_id, o.branch_id,
        (array['SUBMITTED','ACCEPTED','IN_PROGRESS','ACTION_REQUIRED','READY_FOR_PICKUP','COMPLETED','COMPLETED','REJECTED']::application_status[])[1 + (c.k + j) % 8],
        '{}'::jsonb, 1, (now() + ((c.k % 30) - 10 || ' days')::interval)::date,
        now() - ((c.k % ${p.sampleDays}) + j * 3 || ' days')::interval, now() - ((c.k % ${p.sampleDays}) + j * 3 || ' days')::interval - interval '1 hour', now()
      from citizen c cross join generate_series(0, ${a - 1}) j
      join offering o on o.n = (c.k * 13 + j * 7) % (select count(*) from offering)`],
    ['application events', `insert into application_events (application_id, status, actor, at)
      select a.id, case e when 0 then 'SUBMITTED'::application_status when 1 then 'ACCEPTED'::application_status else a.status end,
        case e when 0 then 'CITIZEN'::application_actor else 'OPERATOR'::application_actor end, a.submitted_at + (e || ' days')::interval
      from applications a cross join generate_series(0, ${p.eventsPerApplication - 1}) e where a.number like 'SC-%'`],
  ];
}

/** Load samples of every branch, every `sampleMinutes` from 09:00 to 19:00 (UTC) of the last `sampleDays` days. */
function sampleSteps(p: ScalePlan): Step[] {
  const perDay = Math.floor((10 * 60) / p.sampleMinutes);
  return [
    // The table is partitioned by UTC day (migration 0025): the sampled days get their partitions first.
    ['load sample partitions', `do $$ declare d date; begin
      for d in select generate_series((now() at time zone 'UTC')::date - ${p.sampleDays}, (now() at time zone 'UTC')::date, interval '1 day')::date loop
        execute format('create table if not exists %I partition of branch_load_samples for values from (%L) to (%L)',
          'branch_load_samples_p' || to_char(d, 'YYYYMMDD'), d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
      end loop; end $$`],
    ['load samples', `insert into branch_load_samples (branch_id, at, waiting, average_wait_minutes, open_windows, free_windows, level)
      select b.id, date_trunc('day', now()) - (d || ' days')::interval + time '06:00' + ((s * ${p.sampleMinutes}) || ' minutes')::interval,
        w.waiting, w.waiting * 4, 4, greatest(0, 4 - w.waiting / 3), case when w.waiting < 5 then 'LOW' when w.waiting < 15 then 'MEDIUM' else 'HIGH' end
      from branch_n b cross join generate_series(1, ${p.sampleDays}) d cross join generate_series(0, ${perDay - 1}) s
      cross join lateral (select ((b.n * 7 + d * 3 + s * 5) % 23)::int as waiting) w`],
  ];
}

export function scaleSteps(p: ScalePlan): Step[] {
  return [...branchSteps(p), ...citizenSteps(p), ...bookingSteps(p), ...notificationSteps(p), ...applicationSteps(p), ...sampleSteps(p), ['vacuum analyze', 'vacuum analyze']];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { database: { type: 'string' }, scale: { type: 'string' }, citizens: { type: 'string' }, branches: { type: 'string' }, days: { type: 'string' }, 'notification-days': { type: 'string' }, 'sample-minutes': { type: 'string' } },
  });
  const plan = planOf(values);
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = values.database ?? 'mfc_scale';
  if (name === new URL(base).pathname.slice(1)) throw new Error('--database must name a database of its own (it is dropped and recreated)');
  console.log(`seed:scale into ${name}:`, plan);
  const started = Date.now();
  const url = await recreate(base, name);
  await seedDemoData(url, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  await sql`set synchronous_commit = off`;
  await sql`set maintenance_work_mem = '256MB'`;
  await sql`set work_mem = '64MB'`;
  for (const [step, text] of scaleSteps(plan)) {
    const t0 = Date.now();
    const res = await sql.unsafe(text);
    console.log(`${step.padEnd(32)} ${String(res.count ?? '').padStart(11)} rows ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
  }
  const [size] = await sql<Array<{ size: string }>>`select pg_size_pretty(pg_database_size(current_database())) as size`;
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s, database ${name}: ${size?.size ?? '?'}`);
  await sql.end();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
