-- outbox and activity_entries become partitioned (README, "Running at national scale"), as
-- branch_load_samples in 0027: nothing references either table, so each primary key can include
-- the partition key. Existing rows move over.
-- outbox: by UTC day of "created_at" (days from the oldest row to a week ahead); the relay's
-- retention (OUTBOX_RETENTION_DAYS, src/jobs/outbox-retention.ts) drops whole days nothing needs.
-- activity_entries: by UTC month of "at" (months from the oldest entry to three ahead); the job
-- accounts.pruneJournal (ACTIVITY_RETENTION_DAYS) drops whole months past the window.
-- A DEFAULT partition of each catches anything outside the created periods.
ALTER TABLE "outbox" RENAME TO "outbox_unpartitioned";--> statement-breakpoint
ALTER TABLE "outbox_unpartitioned" RENAME CONSTRAINT "outbox_pkey" TO "outbox_unpartitioned_pkey";--> statement-breakpoint
ALTER INDEX "outbox_pending_idx" RENAME TO "outbox_unpartitioned_pending_idx";--> statement-breakpoint
DROP TRIGGER "outbox_notify" ON "outbox_unpartitioned";--> statement-breakpoint
CREATE TABLE "outbox" (
  "id" bigint NOT NULL DEFAULT nextval('outbox_id_seq'::regclass),
  "job" text NOT NULL,
  "payload" jsonb NOT NULL,
  "job_id" text NOT NULL,
  "delay_ms" integer DEFAULT 0 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "relayed_at" timestamp with time zone,
  "meta" jsonb,
  CONSTRAINT "outbox_id_created_at_pk" PRIMARY KEY ("id", "created_at")
) PARTITION BY RANGE ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE "outbox"."relayed_at" IS NULL;--> statement-breakpoint
CREATE TABLE "outbox_default" PARTITION OF "outbox" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  d date := least(coalesce((SELECT (min("created_at") AT TIME ZONE 'UTC')::date FROM "outbox_unpartitioned"), today), today);
BEGIN
  -- Days are UTC days, named _pYYYYMMDD (src/db/partitions.ts makes the same).
  WHILE d <= today + 7 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "outbox" FOR VALUES FROM (%L) TO (%L)',
      'outbox_p' || to_char(d, 'YYYYMMDD'), d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
    d := d + 1;
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "outbox" ("id", "job", "payload", "job_id", "delay_ms", "created_at", "relayed_at", "meta")
  SELECT "id", "job", "payload", "job_id", "delay_ms", "created_at", "relayed_at", "meta" FROM "outbox_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "outbox_id_seq" OWNED BY "outbox"."id";--> statement-breakpoint
DROP TABLE "outbox_unpartitioned";--> statement-breakpoint
-- The relay wakes on NOTIFY outbox (0001): a statement trigger on the partitioned parent fires for
-- inserts through it.
CREATE TRIGGER outbox_notify AFTER INSERT ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();--> statement-breakpoint
ALTER TABLE "activity_entries" RENAME TO "activity_entries_unpartitioned";--> statement-breakpoint
ALTER TABLE "activity_entries_unpartitioned" RENAME CONSTRAINT "activity_entries_pkey" TO "activity_entries_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "activity_entries_unpartitioned" RENAME CONSTRAINT "activity_entries_user_id_users_id_fk" TO "activity_entries_unpartitioned_user_fk";--> statement-breakpoint
ALTER INDEX "activity_entries_user_at_idx" RENAME TO "activity_entries_unpartitioned_user_at_idx";--> statement-breakpoint
CREATE TABLE "activity_entries" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL,
  "action" text NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "ip" text,
  "user_agent" text,
  "details" jsonb,
  CONSTRAINT "activity_entries_id_at_pk" PRIMARY KEY ("id", "at"),
  CONSTRAINT "activity_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action
) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE INDEX "activity_entries_user_at_idx" ON "activity_entries" USING btree ("user_id", "at", "id");--> statement-breakpoint
CREATE TABLE "activity_entries_default" PARTITION OF "activity_entries" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  m date := least(coalesce((SELECT date_trunc('month', min("at") AT TIME ZONE 'UTC')::date FROM "activity_entries_unpartitioned"), this_month), this_month);
BEGIN
  -- Months are UTC months, named _pYYYYMM (src/db/partitions.ts makes the same).
  WHILE m <= this_month + interval '3 months' LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "activity_entries" FOR VALUES FROM (%L) TO (%L)',
      'activity_entries_p' || to_char(m, 'YYYYMM'), m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    m := (m + interval '1 month')::date;
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "activity_entries" ("id", "user_id", "action", "at", "ip", "user_agent", "details")
  SELECT "id", "user_id", "action", "at", "ip", "user_agent", "details" FROM "activity_entries_unpartitioned";--> statement-breakpoint
DROP TABLE "activity_entries_unpartitioned";
