-- notifications and deliveries become partitioned by UTC month (README, "Running at national
-- scale"): notifications by "created_at", deliveries by their notification's "created_at", which
-- each delivery now carries ("notification_created_at"), so a notification and its deliveries live
-- in the same month and the retention job (notifications.prune, NOTIFICATION_RETENTION_DAYS) drops
-- both halves of a month together. Each key includes its partition key. The foreign key from
-- deliveries to notifications goes: one to a partitioned table needs the whole key, and detaching a
-- referenced month would check every delivery under an exclusive lock; deliveries are written
-- only for a notification just written or read.
-- New ids are UUIDv7 carrying the row's creation time to the millisecond (src/db/uuid7.ts makes the
-- same), held to it by a check, so a look-up by id alone reads one month. Existing rows keep their
-- random (v4) ids and move over; months are created from the oldest row's to three ahead.
CREATE OR REPLACE FUNCTION uuid_v7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM ts) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;--> statement-breakpoint
-- The millisecond a version-7 id carries; null for any other version.
CREATE OR REPLACE FUNCTION uuid_v7_time(id uuid) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN substr(id::text, 15, 1) = '7'
    THEN timestamptz 'epoch' + ('x' || lpad(substr(id::text, 1, 8) || substr(id::text, 10, 4), 16, '0'))::bit(64)::bigint * interval '1 millisecond' END
$$;--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_notification_id_notifications_id_fk";--> statement-breakpoint
ALTER TABLE "notifications" RENAME TO "notifications_unpartitioned";--> statement-breakpoint
ALTER TABLE "notifications_unpartitioned" RENAME CONSTRAINT "notifications_pkey" TO "notifications_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "notifications_unpartitioned" RENAME CONSTRAINT "notifications_user_id_users_id_fk" TO "notifications_unpartitioned_user_fk";--> statement-breakpoint
ALTER INDEX "notifications_feed_idx" RENAME TO "notifications_unpartitioned_feed_idx";--> statement-breakpoint
ALTER INDEX "notifications_user_created_idx" RENAME TO "notifications_unpartitioned_user_created_idx";--> statement-breakpoint
ALTER TABLE "deliveries" RENAME TO "deliveries_unpartitioned";--> statement-breakpoint
ALTER TABLE "deliveries_unpartitioned" RENAME CONSTRAINT "deliveries_pkey" TO "deliveries_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "deliveries_unpartitioned" RENAME CONSTRAINT "deliveries_attempts" TO "deliveries_unpartitioned_attempts";--> statement-breakpoint
ALTER INDEX "deliveries_notification_channel_key" RENAME TO "deliveries_unpartitioned_notification_channel_key";--> statement-breakpoint
ALTER INDEX "deliveries_provider_ref_idx" RENAME TO "deliveries_unpartitioned_provider_ref_idx";--> statement-breakpoint
CREATE TABLE "notifications" (
  "id" uuid DEFAULT uuid_v7(now()) NOT NULL,
  "user_id" uuid,
  "category" "notification_category" NOT NULL,
  "template" text NOT NULL,
  "title" text NOT NULL,
  "body" text NOT NULL,
  "subject_type" text,
  "subject_id" text,
  "urgent" boolean DEFAULT false NOT NULL,
  "secret" boolean DEFAULT false NOT NULL,
  "read_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "fallback_content" jsonb,
  "in_feed" boolean DEFAULT false NOT NULL,
  "deleted_at" timestamp with time zone,
  CONSTRAINT "notifications_id_created_at_pk" PRIMARY KEY ("id", "created_at"),
  CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action,
  CONSTRAINT "notifications_id_time" CHECK (uuid_v7_time("id") IS NULL OR ("created_at" >= uuid_v7_time("id") AND "created_at" < uuid_v7_time("id") + interval '1 millisecond'))
) PARTITION BY RANGE ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id", "created_at", "id");--> statement-breakpoint
CREATE INDEX "notifications_feed_idx" ON "notifications" USING btree ("user_id", "created_at", "id") WHERE "in_feed" AND "deleted_at" IS NULL;--> statement-breakpoint
CREATE TABLE "notifications_default" PARTITION OF "notifications" DEFAULT;--> statement-breakpoint
CREATE TABLE "deliveries" (
  "id" uuid DEFAULT uuid_v7(now()) NOT NULL,
  "notification_id" uuid NOT NULL,
  "notification_created_at" timestamp with time zone NOT NULL,
  "channel" "notification_channel" NOT NULL,
  "destination" text,
  "content" jsonb NOT NULL,
  "status" "delivery_status" DEFAULT 'QUEUED' NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "last_error" text,
  "provider_ref" text,
  "sent_at" timestamp with time zone,
  "delivered_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "scheduled_for" timestamp with time zone,
  "fallback_of" uuid,
  CONSTRAINT "deliveries_id_notification_created_at_pk" PRIMARY KEY ("id", "notification_created_at"),
  CONSTRAINT "deliveries_attempts" CHECK ("attempts" >= 0),
  CONSTRAINT "deliveries_id_time" CHECK (uuid_v7_time("id") IS NULL OR ("notification_created_at" >= uuid_v7_time("id") AND "notification_created_at" < uuid_v7_time("id") + interval '1 millisecond'))
) PARTITION BY RANGE ("notification_created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_notification_channel_key" ON "deliveries" USING btree ("notification_id", "channel", "notification_created_at");--> statement-breakpoint
CREATE INDEX "deliveries_provider_ref_idx" ON "deliveries" USING btree ("provider_ref");--> statement-breakpoint
CREATE TABLE "deliveries_default" PARTITION OF "deliveries" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  m date := least(coalesce((SELECT date_trunc('month', min("created_at") AT TIME ZONE 'UTC')::date FROM "notifications_unpartitioned"), this_month), this_month);
BEGIN
  -- Months are UTC months, named _pYYYYMM (src/db/partitions.ts makes the same).
  WHILE m <= this_month + interval '3 months' LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF "notifications" FOR VALUES FROM (%L) TO (%L)',
      'notifications_p' || to_char(m, 'YYYYMM'), m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    EXECUTE format('CREATE TABLE %I PARTITION OF "deliveries" FOR VALUES FROM (%L) TO (%L)',
      'deliveries_p' || to_char(m, 'YYYYMM'), m::timestamp AT TIME ZONE 'UTC', (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    m := m + interval '1 month';
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "notifications" ("id", "user_id", "category", "template", "title", "body", "subject_type", "subject_id", "urgent", "secret", "read_at", "created_at", "fallback_content", "in_feed", "deleted_at")
  SELECT "id", "user_id", "category", "template", "title", "body", "subject_type", "subject_id", "urgent", "secret", "read_at", "created_at", "fallback_content", "in_feed", "deleted_at" FROM "notifications_unpartitioned";--> statement-breakpoint
-- A delivery whose notification is gone cannot be placed (the foreign key cascaded, so there is none).
INSERT INTO "deliveries" ("id", "notification_id", "notification_created_at", "channel", "destination", "content", "status", "attempts", "last_error", "provider_ref", "sent_at", "delivered_at", "created_at", "updated_at", "scheduled_for", "fallback_of")
  SELECT d."id", d."notification_id", n."created_at", d."channel", d."destination", d."content", d."status", d."attempts", d."last_error", d."provider_ref", d."sent_at", d."delivered_at", d."created_at", d."updated_at", d."scheduled_for", d."fallback_of"
  FROM "deliveries_unpartitioned" d JOIN "notifications_unpartitioned" n ON n."id" = d."notification_id";--> statement-breakpoint
DROP TABLE "deliveries_unpartitioned";--> statement-breakpoint
DROP TABLE "notifications_unpartitioned";
