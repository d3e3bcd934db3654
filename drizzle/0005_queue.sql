CREATE TYPE "public"."ticket_status" AS ENUM('WAITING', 'CALLED', 'SERVING', 'COMPLETED', 'NO_SHOW', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "branch_load_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"branch_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"waiting" integer NOT NULL,
	"average_wait_minutes" integer NOT NULL,
	"open_windows" integer NOT NULL,
	"free_windows" integer NOT NULL,
	"level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "branch_windows" (
	"branch_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"operator_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"ticket_id" uuid,
	CONSTRAINT "branch_windows_branch_id_number_pk" PRIMARY KEY("branch_id","number"),
	CONSTRAINT "branch_windows_number" CHECK ("branch_windows"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "load_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"max_waiting" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	CONSTRAINT "load_alerts_max_waiting" CHECK ("load_alerts"."max_waiting" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"branch_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ticket_counters_branch_id_day_pk" PRIMARY KEY("branch_id","day")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"branch_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"user_id" uuid,
	"booking_id" uuid,
	"day" date NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"priority" smallint DEFAULT 1 NOT NULL,
	"status" "ticket_status" DEFAULT 'WAITING' NOT NULL,
	"window" smallint,
	"issued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "tickets_seq" CHECK ("tickets"."seq" >= 1),
	CONSTRAINT "tickets_called_has_window" CHECK ("tickets"."status" NOT IN ('CALLED', 'SERVING') OR "tickets"."window" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "branch_load_samples" ADD CONSTRAINT "branch_load_samples_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_windows" ADD CONSTRAINT "branch_windows_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_windows" ADD CONSTRAINT "branch_windows_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "load_alerts" ADD CONSTRAINT "load_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "load_alerts" ADD CONSTRAINT "load_alerts_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_counters" ADD CONSTRAINT "ticket_counters_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "branch_load_samples_branch_at_idx" ON "branch_load_samples" USING btree ("branch_id","at");--> statement-breakpoint
CREATE INDEX "branch_load_samples_at_idx" ON "branch_load_samples" USING btree ("at");--> statement-breakpoint
CREATE INDEX "load_alerts_active_idx" ON "load_alerts" USING btree ("branch_id","max_waiting") WHERE "load_alerts"."active";--> statement-breakpoint
CREATE INDEX "load_alerts_user_idx" ON "load_alerts" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_branch_day_seq_key" ON "tickets" USING btree ("branch_id","day","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_branch_day_number_key" ON "tickets" USING btree ("branch_id","day","number");--> statement-breakpoint
CREATE INDEX "tickets_waiting_idx" ON "tickets" USING btree ("branch_id","priority","issued_at") WHERE "tickets"."status" = 'WAITING';--> statement-breakpoint
CREATE INDEX "tickets_branch_called_idx" ON "tickets" USING btree ("branch_id","called_at");--> statement-breakpoint
CREATE INDEX "tickets_user_idx" ON "tickets" USING btree ("user_id","issued_at");