/**
 * A new booking in ONE statement (private to the module): its places taken, the row, its first
 * event, its expiry job and its webhook event, atomically. One statement is one transaction inside PostgreSQL, so the
 * hot `slot_places` row is locked only while the server runs it, never across a round trip to the
 * client: under contention for one place, each loser waits for the one before it for a fraction
 * of a millisecond and fails on the `taken <= capacity` check, instead of queueing behind client
 * round trips. Constraint violations come back as domain results, as in the repository.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation, pgErrorCode } from '../../db/errors.js';
import type { OutboxRow } from '../../jobs/outbox.js';

const CHECK_VIOLATION = '23514';
const EXCLUSION_VIOLATION = '23P01';

export interface NewHold {
  id: string;
  /** The booking's number (МФЦ-Б-0000001), from the sequence. */
  number: string;
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
  /** The places (slot starts) the booking occupies and their capacity. */
  places: Date[];
  capacity: number;
  note: string;
  /** Outbox rows written with the booking (its expiry job, its webhook event). */
  jobs: OutboxRow[];
}

export async function insertHold(db: Executor, h: NewHold): Promise<'HELD' | 'SLOT_TAKEN' | 'OVERLAP' | 'DUPLICATE'> {
  const places = sql`${`{${h.places.map((p) => `"${p.toISOString()}"`).join(',')}}`}::timestamptz[]`;
  try {
    await db.execute(sql`
      WITH place AS (
        INSERT INTO slot_places (branch_id, service_id, starts_at, taken, capacity)
        SELECT ${h.branchId}::uuid, ${h.serviceId}::uuid, s, 1, ${h.capacity}::int FROM unnest(${places}) AS s
        ON CONFLICT (branch_id, service_id, starts_at) DO UPDATE SET taken = slot_places.taken + 1
        RETURNING 1
      ), booking AS (
        INSERT INTO bookings (id, number, user_id, for_dependant_id, branch_id, service_id, purpose, starts_at, ends_at, original_starts_at, status, confirm_by, idempotency_key, created_at, updated_at)
        SELECT ${h.id}::uuid, ${h.number}, ${h.userId}::uuid, ${h.forDependantId}::uuid, ${h.branchId}::uuid, ${h.serviceId}::uuid, ${h.purpose},
          ${h.startsAt.toISOString()}::timestamptz, ${h.endsAt.toISOString()}::timestamptz, ${h.startsAt.toISOString()}::timestamptz, 'PENDING_CONFIRMATION',
          ${h.confirmBy.toISOString()}::timestamptz, ${h.idempotencyKey}, ${h.now.toISOString()}::timestamptz, ${h.now.toISOString()}::timestamptz
        WHERE (SELECT count(*) FROM place) = ${h.places.length}
        RETURNING id
      ), event AS (
        INSERT INTO booking_events (booking_id, status, at, note) SELECT id, 'PENDING_CONFIRMATION', ${h.now.toISOString()}::timestamptz, ${h.note} FROM booking
      ), job AS (
        INSERT INTO outbox (job, payload, job_id, delay_ms, meta)
        SELECT j.job, j.payload, j.job_id, j.delay_ms, j.meta
        FROM jsonb_to_recordset(${JSON.stringify(h.jobs.map((j) => ({ job: j.job, payload: j.payload, job_id: j.jobId, delay_ms: j.delayMs, meta: j.meta })))}::jsonb)
          AS j(job text, payload jsonb, job_id text, delay_ms int, meta jsonb)
        WHERE EXISTS (SELECT 1 FROM booking)
      )
      SELECT id FROM booking`);
    return 'HELD';
  } catch (err) {
    const code = pgErrorCode(err);
    if (code === CHECK_VIOLATION) return 'SLOT_TAKEN';
    if (code === EXCLUSION_VIOLATION) return 'OVERLAP';
    if (isUniqueViolation(err) && h.idempotencyKey) return 'DUPLICATE';
    throw err;
  }
}
