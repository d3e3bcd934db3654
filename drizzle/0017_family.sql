CREATE TYPE "public"."dependant_relation" AS ENUM('CHILD', 'WARD');--> statement-breakpoint
ALTER TYPE "public"."document_kind" ADD VALUE 'GUARDIANSHIP_DECISION';--> statement-breakpoint
CREATE TABLE "dependants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"birth_date" date NOT NULL,
	"relation" "dependant_relation" NOT NULL,
	"snils" text,
	"verification" "verification_status" DEFAULT 'UNVERIFIED' NOT NULL,
	"rejection_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dependants_left" CHECK (("dependants"."left_at" IS NULL) = ("dependants"."left_reason" IS NULL)),
	CONSTRAINT "dependants_left_reason" CHECK ("dependants"."left_reason" IS NULL OR "dependants"."left_reason" IN ('REMOVED', 'CAME_OF_AGE'))
);
--> statement-breakpoint
CREATE TABLE "profile_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"last_name" text,
	"first_name" text,
	"middle_name" text,
	"birth_date" date,
	"passport_document_id" uuid,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"comment" text,
	"status" "verification_status" DEFAULT 'PENDING' NOT NULL,
	"reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_change_requests_status" CHECK ("profile_change_requests"."status" IN ('PENDING', 'VERIFIED', 'REJECTED')),
	CONSTRAINT "profile_change_requests_reason" CHECK ("profile_change_requests"."status" <> 'REJECTED' OR "profile_change_requests"."reason" IS NOT NULL)
);
--> statement-breakpoint
DROP INDEX "personal_documents_single_kind_key";--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "for_dependant_id" uuid;--> statement-breakpoint
ALTER TABLE "personal_documents" ADD COLUMN "dependant_id" uuid;--> statement-breakpoint
ALTER TABLE "personal_documents" ADD COLUMN "standing" text DEFAULT 'CURRENT' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "for_dependant_id" uuid;--> statement-breakpoint
ALTER TABLE "dependants" ADD CONSTRAINT "dependants_parent_id_users_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependants" ADD CONSTRAINT "dependants_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_change_requests" ADD CONSTRAINT "profile_change_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_change_requests" ADD CONSTRAINT "profile_change_requests_passport_document_id_personal_documents_id_fk" FOREIGN KEY ("passport_document_id") REFERENCES "public"."personal_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_change_requests" ADD CONSTRAINT "profile_change_requests_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dependants_parent_idx" ON "dependants" USING btree ("parent_id") WHERE "dependants"."left_at" IS NULL;--> statement-breakpoint
CREATE INDEX "dependants_children_birth_idx" ON "dependants" USING btree ("birth_date") WHERE "dependants"."left_at" IS NULL AND "dependants"."relation" = 'CHILD';--> statement-breakpoint
CREATE UNIQUE INDEX "profile_change_requests_open_key" ON "profile_change_requests" USING btree ("user_id") WHERE "profile_change_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "profile_change_requests_user_idx" ON "profile_change_requests" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "profile_change_requests_pending_idx" ON "profile_change_requests" USING btree ("created_at") WHERE "profile_change_requests"."status" = 'PENDING';--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_for_dependant_id_dependants_id_fk" FOREIGN KEY ("for_dependant_id") REFERENCES "public"."dependants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_documents" ADD CONSTRAINT "personal_documents_dependant_id_dependants_id_fk" FOREIGN KEY ("dependant_id") REFERENCES "public"."dependants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_for_dependant_id_dependants_id_fk" FOREIGN KEY ("for_dependant_id") REFERENCES "public"."dependants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "personal_documents_dependant_kind_key" ON "personal_documents" USING btree ("dependant_id","kind") WHERE "personal_documents"."kind" IN ('PASSPORT_RF', 'SNILS', 'INN', 'BIRTH_CERTIFICATE') AND "personal_documents"."verification_status" <> 'REJECTED' AND "personal_documents"."dependant_id" IS NOT NULL AND "personal_documents"."standing" = 'CURRENT';--> statement-breakpoint
CREATE INDEX "personal_documents_dependant_idx" ON "personal_documents" USING btree ("dependant_id") WHERE "personal_documents"."dependant_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "personal_documents_single_kind_key" ON "personal_documents" USING btree ("user_id","kind") WHERE "personal_documents"."kind" IN ('PASSPORT_RF', 'SNILS', 'INN') AND "personal_documents"."verification_status" <> 'REJECTED' AND "personal_documents"."dependant_id" IS NULL AND "personal_documents"."standing" = 'CURRENT';--> statement-breakpoint
ALTER TABLE "personal_documents" ADD CONSTRAINT "personal_documents_standing" CHECK ("personal_documents"."standing" IN ('CURRENT', 'PROPOSED', 'ARCHIVED'));