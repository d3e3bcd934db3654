-- A citizen cannot hold two active bookings at overlapping times, whatever the concurrency.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
  user_id WITH =,
  tstzrange(starts_at, ends_at) WITH &&
) WHERE (status IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN'));
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS booking_numbers;
