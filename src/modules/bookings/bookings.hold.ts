/**
 * A new booking in ONE statement (private to the module): the citizen's limit of active bookings,
 * the offer's capacity, its places taken, its number, the row, its first event, its expiry job, its
 * webhook event and its entry in the holder's account feed, atomically, in one round trip
 * (prepared: src/db/prepared.ts). One statement is one transaction inside
 * PostgreSQL, so the hot `slot_places` row is locked only while the server runs it, never across a
 * round trip to the client: under contention for one place, each loser waits for the one before it
 * for a fraction of a millisecond and is refused, instead of queueing behind client round trips. A
 * one-place booking finds its place full without an error (the upsert skips a full row: no error
 * to raise, roll back and build on either side); a longer one needs all its places or none, so
 * it relies on the `taken <= capacity` CHECK to undo the places it took. Constraint violations come back as domain results, as in the
 * repository. The capacity is read here, from `branch_services`, not from a cache: a place row
 * created by this statement starts with the capacity of the moment.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation, pgErrorCode } from '../../db/errors.js';
import { executePrepared } from '../../db/prepared.js';
import type { OutboxRow } from '../../jobs/outbox.js';
import { lockHolderUnder } from './bookings.repository.js';

const CHECK_VIOLATION = '23514';
const EXCLUSION_VIOLATION = '23P01';

/** What stands in for the booking's number in `jobs` until the statement draws it (see `numberPaths`). */
export const NUMBER_PENDING = '';

export interface NewHold {
  id: string;
  userId: string;
  /** The citizen's dependant the visit is for (the citizen acts), or null. */
  forDependantId: string | null;
  branchId: string;
  serviceId: string;
  purpose: string | null;
  startsAt: Date;
  endsAt: Date;
  confirmBy: Date;
  idempotencyKey: string | null;
  now: Date;
  /** The places (slot starts) the booking occupies. */
  places: Date[];
  /** BOOKING_MAX_ACTIVE: the booking is refused when the citizen already has this many active ones (booking_holders). */
  maxActive: number;
  note: string;
  /** Outbox rows written with the booking (its expiry job, its webhook event)… */
  jobs: OutboxRow[];
  /** …and, for each, where in its payload the booking's number goes (null: nowhere). */
  numberPaths: Array<string[] | null>;
  /** The holder's account feed entry, as CTEs written when the condition holds (AccountFeed.appendCtes). */
  feed: (when: SQL) => SQL;
}

export type HoldResult =
  /** The number drawn, and the places this booking filled (their last place went to it). */
  | { held: true; number: string; filled: number[] }
  | { held: false; refusal: 'SLOT_TAKEN' | 'OVERLAP' | 'DUPLICATE' | 'MAX_ACTIVE' | 'NOT_OFFERED' };

interface HoldRow extends Record<string, unknown> {
  number: string | null;
  /** The citizen's active bookings before this one; null: at BOOKING_MAX_ACTIVE already. */
  active: number | null;
  capacity: number | null;
  filled: number[] | null;
}

export async function insertHold(db: Executor, h: NewHold): Promise<HoldResult> {
  const places = sql`${`{${h.places.map((p) => `"${p.toISOString()}"`).join(',')}}`}::timestamptz[]`;
  const jobs = JSON.stringify(h.jobs.map((j, i) => ({ job: j.job, payload: j.payload, job_id: j.jobId, delay_ms: j.delayMs, meta: j.meta, number_path: h.numberPaths[i] ?? null })));
  let rows: HoldRow[];
  try {
    rows = await executePrepared<HoldRow>(db, sql`
      WITH active AS MATERIALIZED (${lockHolderUnder(h.userId, h.maxActive)}), offer AS MATERIALIZED (
        SELECT capacity FROM branch_services WHERE branch_id = ${h.branchId}::uuid AND service_id = ${h.serviceId}::uuid
      ), place AS (
        INSERT INTO slot_places (branch_id, service_id, starts_at, taken, capacity)
        SELECT ${h.branchId}::uuid, ${h.serviceId}::uuid, s, 1, offer.capacity FROM unnest(${places}) AS s, offer, active
        ON CONFLICT (branch_id, service_id, starts_at) DO UPDATE SET taken = slot_places.taken + 1
          WHERE ${h.places.length}::int > 1 OR slot_places.taken < slot_places.capacity
        RETURNING starts_at, taken, capacity
      ), num AS MATERIALIZED (
        SELECT 'МФЦ-Б-' || lpad(v::text, greatest(7, length(v::text)), '0') AS number FROM (SELECT nextval('booking_numbers') AS v) n
        WHERE (SELECT count(*) FROM place) = ${h.places.length}::int
      ), booking AS (
        INSERT INTO bookings (id, number, user_id, for_dependant_id, branch_id, service_id, purpose, starts_at, ends_at, original_starts_at, status, confirm_by, idempotency_key, created_at, updated_at)
        SELECT ${h.id}::uuid, num.number, ${h.userId}::uuid, ${h.forDependantId}::uuid, ${h.branchId}::uuid, ${h.serviceId}::uuid, ${h.purpose},
          ${h.startsAt.toISOString()}::timestamptz, ${h.endsAt.toISOString()}::timestamptz, ${h.startsAt.toISOString()}::timestamptz, 'PENDING_CONFIRMATION',
          ${h.confirmBy.toISOString()}::timestamptz, ${h.idempotencyKey}, ${h.now.toISOString()}::timestamptz, ${h.now.toISOString()}::timestamptz
        FROM num
        RETURNING id, number
      ), event AS (
        INSERT INTO booking_events (booking_id, status, at, note) SELECT id, 'PENDING_CONFIRMATION', ${h.now.toISOString()}::timestamptz, ${h.note} FROM booking
      ), job AS (
        INSERT INTO outbox (job, payload, job_id, delay_ms, meta)
        SELECT j.job, CASE WHEN j.number_path IS NULL THEN j.payload ELSE jsonb_set(j.payload, j.number_path, to_jsonb(booking.number)) END, j.job_id, j.delay_ms, j.meta
        FROM jsonb_to_recordset(${jobs}::jsonb) AS j(job text, payload jsonb, job_id text, delay_ms int, meta jsonb, number_path text[]), booking
      ), ${h.feed(sql`EXISTS (SELECT 1 FROM booking)`)}
      SELECT (SELECT number FROM booking) AS number, (SELECT n FROM active) AS active, (SELECT capacity FROM offer) AS capacity,
        (SELECT array_agg(extract(epoch FROM starts_at)::float8 * 1000) FROM place WHERE taken >= capacity) AS filled,
        (SELECT count(*) FROM feed_notify) AS fed`);
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === CHECK_VIOLATION) return { held: false, refusal: 'SLOT_TAKEN' };
    if (code === EXCLUSION_VIOLATION) return { held: false, refusal: 'OVERLAP' };
    if (isUniqueViolation(err) && h.idempotencyKey) return { held: false, refusal: 'DUPLICATE' };
    throw err;
  }
  const row = rows[0];
  if (row?.number) return { held: true, number: row.number, filled: (row.filled ?? []).map(Number) };
  // Nothing written: the offer is gone, the citizen is at the limit (the offer is answered first,
  // as before the statement), or the one place is full.
  if (row?.capacity == null) return { held: false, refusal: 'NOT_OFFERED' };
  if (row.active === null) return { held: false, refusal: 'MAX_ACTIVE' };
  if (h.places.length === 1) return { held: false, refusal: 'SLOT_TAKEN' };
  throw new Error('booking hold wrote nothing');
}
