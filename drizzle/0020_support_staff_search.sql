CREATE TYPE "public"."support_priority" AS ENUM('CRITICAL', 'NORMAL');--> statement-breakpoint
ALTER TYPE "public"."feedback_kind" ADD VALUE 'REQUEST';--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phrase" text NOT NULL,
	"expansion" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_synonyms_phrase_lower" CHECK ("search_synonyms"."phrase" = lower("search_synonyms"."phrase"))
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"author_id" uuid,
	"from_staff" boolean NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_case_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "priority" "support_priority" DEFAULT 'NORMAL' NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "case_number" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "feedback_follow_ups" ADD CONSTRAINT "feedback_follow_ups_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_follow_ups" ADD CONSTRAINT "feedback_follow_ups_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "search_synonyms_phrase_key" ON "search_synonyms" USING btree ("phrase");--> statement-breakpoint
CREATE INDEX "feedback_follow_ups_feedback_idx" ON "feedback_follow_ups" USING btree ("feedback_id","created_at","id");--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_case_number_key" ON "feedback" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "feedback_assigned_idx" ON "feedback" USING btree ("assigned_to") WHERE "feedback"."assigned_to" IS NOT NULL;