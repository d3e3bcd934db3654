-- branch_load_samples becomes partitioned by day of "at" (README, "Running at national scale"):
-- the retention (LOAD_HISTORY_HOURS) drops whole days instead of deleting rows, and reads by
-- branch and time prune to the days asked. Nothing references this table, so its primary key can
-- include "at". Existing rows move over; days from the oldest row to a week ahead get partitions,
-- a DEFAULT partition catches anything outside them (src/db/partitions.ts creates days ahead).
ALTER TABLE "branch_load_samples" RENAME TO "branch_load_samples_unpartitioned";--> statement-breakpoint
ALTER TABLE "branch_load_samples_unpartitioned" RENAME CONSTRAINT "branch_load_samples_id_at_pk" TO "branch_load_samples_unpartitioned_pk";--> statement-breakpoint
ALTER TABLE "branch_load_samples_unpartitioned" RENAME CONSTRAINT "branch_load_samples_branch_id_branches_id_fk" TO "branch_load_samples_unpartitioned_branch_fk";--> statement-breakpoint
ALTER INDEX "branch_load_samples_branch_at_idx" RENAME TO "branch_load_samples_unpartitioned_branch_at_idx";--> statement-breakpoint
ALTER INDEX "branch_load_samples_at_idx" RENAME TO "branch_load_samples_unpartitioned_at_idx";--> statement-breakpoint
CREATE TABLE "branch_load_samples" (
  "id" bigint NOT NULL DEFAULT nextval('branch_load_samples_id_seq'::regclass),
  "branch_id" uuid NOT NULL,
  "at" timestamp with time zone NOT NULL,
  "waiting" integer NOT NULL,
  "average_wait_minutes" integer NOT NULL,
  "open_windows" integer NOT NULL,
  "free_windows" integer NOT NULL,
  "level" text NOT NULL,
  CONSTRAINT "branch_load_samples_id_at_pk" PRIMARY KEY ("id", "at"),
  CONSTRAINT "branch_load_samples_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE CASCADE
) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE INDEX "branch_load_samples_branch_at_idx" ON "branch_load_samples" ("branch_id", "at");--> statement-breakpoint
CREATE INDEX "branch_load_samples_at_idx" ON "branch_load_samples" ("at");--> statement-breakpoint
CREATE TABLE "branch_load_samples_default" PARTITION OF "branch_load_samples" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  d date := coalesce((SELECT (min("at") AT TIME ZONE 'UTC')::date FROM "branch_load_samples_unpartitioned"), today);
BEGIN
  -- Days are UTC days, named _pYYYYMMDD (src/db/partitions.ts makes the same).
  WHILE d <= today + 7 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "branch_load_samples" FOR VALUES FROM (%L) TO (%L)',
      'branch_load_samples_p' || to_char(d, 'YYYYMMDD'), d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
    d := d + 1;
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "branch_load_samples" SELECT "id", "branch_id", "at", "waiting", "average_wait_minutes", "open_windows", "free_windows", "level" FROM "branch_load_samples_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "branch_load_samples_id_seq" OWNED BY "branch_load_samples"."id";--> statement-breakpoint
DROP TABLE "branch_load_samples_unpartitioned";
