-- booking_events (bookings' histories) becomes partitioned by UTC month of "at" (README, "Running at
-- national scale"), as activity_entries in 0028: nothing references it, so its key can include
-- the partition key; its own foreign key to bookings stays (one from a partitioned table is fine).
-- Months are created from the oldest event's to three ahead; the job bookings.pruneEvents
-- (BOOKING_EVENTS_RETENTION_DAYS) keeps them ahead and drops whole months past the window.
-- An event is never older than its booking, so reads bound "at" by the bookings' creation.
ALTER TABLE "booking_events" RENAME TO "booking_events_unpartitioned";--> statement-breakpoint
ALTER TABLE "booking_events_unpartitioned" RENAME CONSTRAINT "booking_events_pkey" TO "booking_events_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "booking_events_unpartitioned" RENAME CONSTRAINT "booking_events_booking_id_bookings_id_fk" TO "booking_events_unpartitioned_booking_fk";--> statement-breakpoint
ALTER INDEX "booking_events_booking_idx" RENAME TO "booking_events_unpartitioned_booking_idx";--> statement-breakpoint
CREATE TABLE "booking_events" (
  "id" bigint NOT NULL DEFAULT nextval('booking_events_id_seq'::regclass),
  "booking_id" uuid NOT NULL,
  "status" "booking_status" NOT NULL,
  "at" timestamp with time zone NOT NULL,
  "note" text,
  CONSTRAINT "booking_events_id_at_pk" PRIMARY KEY ("id", "at"),
  CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action
) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE INDEX "booking_events_booking_idx" ON "booking_events" USING btree ("booking_id", "at");--> statement-breakpoint
CREATE TABLE "booking_events_default" PARTITION OF "booking_events" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  m date := least(coalesce((SELECT date_trunc('month', min("at") AT TIME ZONE 'UTC')::date FROM "booking_events_unpartitioned"), this_month), this_month);
  last date := greatest(this_month, coalesce((SELECT date_trunc('month', max("at") AT TIME ZONE 'UTC')::date FROM "booking_events_unpartitioned"), this_month)) + interval '3 months';
BEGIN
  -- Months are UTC months, named _pYYYYMM (src/db/partitions.ts makes the same); events dated
  -- ahead (a visit's outcome at its start) get their months too.
  WHILE m <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "booking_events" FOR VALUES FROM (%L) TO (%L)',
      'booking_events_p' || to_char(m, 'YYYYMM'), m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    m := m + interval '1 month';
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "booking_events" ("id", "booking_id", "status", "at", "note")
  SELECT "id", "booking_id", "status", "at", "note" FROM "booking_events_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "booking_events_id_seq" OWNED BY "booking_events"."id";--> statement-breakpoint
DROP TABLE "booking_events_unpartitioned";
