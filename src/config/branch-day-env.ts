/**
 * The branch's day variables (load and queue, forecast, bookings, the account feed), parsed with
 * the rest of the configuration in src/config/env.ts. Each has a row in the README's
 * configuration table.
 */
import { z } from 'zod';
import { int } from './parsers.js';

export const branchDayEnv = {
  /** Load level by people waiting per open window: up to MEDIUM is LOW, up to HIGH is MEDIUM, more is HIGH. */
  LOAD_MEDIUM_PER_WINDOW: int(3, 0),
  LOAD_HIGH_PER_WINDOW: int(6, 1),
  /** A load sample is stored at least this often (and on every change). */
  LOAD_SAMPLE_INTERVAL_MINUTES: int(5, 1),
  /** Changes closer together than this update the last sample instead of adding one. */
  LOAD_SAMPLE_COALESCE_SECONDS: int(10, 0),
  LOAD_HISTORY_HOURS: int(24, 1),
  /** Minutes at a window assumed for wait estimates until the branch has an hour of data. */
  QUEUE_DEFAULT_SERVICE_MINUTES: int(10, 1),
  /** Active tickets (waiting, called, being served) a citizen may hold at one branch… */
  QUEUE_MAX_ACTIVE_PER_BRANCH: int(1, 1),
  /** …and at all branches together. */
  QUEUE_MAX_ACTIVE_TOTAL: int(3, 1),
  /** The sweeper schedules each branch's closing job and closes days whose job was missed, this often. */
  QUEUE_DAY_SWEEP_MINUTES: int(5, 1),
  /** The hall's board shows at most this many called tickets (calledTickets(last:)). */
  QUEUE_BOARD_MAX_TICKETS: int(50, 1),
  /** Hourly load aggregates (the forecast's history) are kept this many weeks… */
  LOAD_AGGREGATE_WEEKS: int(8, 1),
  /** …and recomputed from the raw samples this often. */
  LOAD_AGGREGATE_INTERVAL_MINUTES: int(15, 1),
  /** recommendBranches: at most this many branches answered, within at most this radius. */
  RECOMMEND_MAX_RESULTS: int(20, 1),
  RECOMMEND_MAX_RADIUS_KM: int(200, 1),

  /** An unconfirmed booking expires and frees its place after this long. */
  BOOKING_CONFIRM_TTL_SECONDS: int(900, 1),
  /** Appointments start at least this long from now… */
  BOOKING_LEAD_MINUTES: int(60, 0),
  /** …and at most this many days ahead. */
  BOOKING_HORIZON_DAYS: int(30, 1),
  /** Active (unconfirmed, confirmed or checked-in) bookings one citizen may hold. */
  BOOKING_MAX_ACTIVE: int(3, 1),
  /** A place an instance saw fill up is refused there without SQL this long (0: never; a place freed through any instance is forgotten at once, through Redis). */
  BOOKING_FULL_PLACE_MEMORY_MS: int(2000, 0),
  /** A schedule change looks again this long after its commit for bookings that raced it in (bookings.recheckSchedule). */
  BOOKING_SCHEDULE_RECHECK_SECONDS: int(5, 1),
  /** The citizen app's booking page: a branch's cancellation links to it with branchId and serviceId. */
  BOOKING_URL: z.url().default('http://localhost:3000/booking'),

  /** accountUpdates keeps each user's events at least this long for a resume (a cursor older than that is CURSOR_EXPIRED). */
  ACCOUNT_UPDATES_RETENTION_HOURS: int(48, 24),
  /** A live accountUpdates stream re-reads the feed at least this often (safety net beside PostgreSQL NOTIFY). */
  ACCOUNT_UPDATES_POLL_MS: int(5000, 100),
};
