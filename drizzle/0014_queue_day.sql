CREATE TABLE "branch_load_hours" (
	"branch_id" uuid NOT NULL,
	"hour_start" timestamp with time zone NOT NULL,
	"hour_of_week" smallint NOT NULL,
	"samples" integer NOT NULL,
	"avg_waiting" real NOT NULL,
	"avg_open_windows" real NOT NULL,
	"avg_wait_minutes" real NOT NULL,
	CONSTRAINT "branch_load_hours_branch_id_hour_start_pk" PRIMARY KEY("branch_id","hour_start"),
	CONSTRAINT "branch_load_hours_hour_of_week" CHECK ("branch_load_hours"."hour_of_week" BETWEEN 0 AND 167)
);
--> statement-breakpoint
CREATE TABLE "queue_days" (
	"branch_id" uuid NOT NULL,
	"day" date NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "queue_days_branch_id_day_pk" PRIMARY KEY("branch_id","day")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "issued_by" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "alert_when_ahead" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "alerted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "branch_load_hours" ADD CONSTRAINT "branch_load_hours_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_days" ADD CONSTRAINT "queue_days_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "branch_load_hours_week_idx" ON "branch_load_hours" USING btree ("branch_id","hour_of_week");--> statement-breakpoint
CREATE INDEX "queue_days_open_idx" ON "queue_days" USING btree ("closes_at") WHERE "queue_days"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tickets_user_active_idx" ON "tickets" USING btree ("user_id") WHERE "tickets"."status" IN ('WAITING', 'CALLED', 'SERVING');--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_alert_when_ahead" CHECK ("tickets"."alert_when_ahead" IS NULL OR "tickets"."alert_when_ahead" >= 0);