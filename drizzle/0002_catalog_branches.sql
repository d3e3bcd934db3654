CREATE TYPE "public"."document_kind" AS ENUM('PASSPORT_RF', 'FOREIGN_PASSPORT', 'SNILS', 'INN', 'OMS_POLICY', 'DRIVER_LICENSE', 'BIRTH_CERTIFICATE', 'MILITARY_ID', 'VEHICLE_REGISTRATION');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('DOCUMENT_ISSUE', 'CERTIFICATE', 'REGISTRATION', 'APPLICATION', 'CONSULTATION', 'PAYMENT');--> statement-breakpoint
CREATE TABLE "service_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_categories_slug_format" CHECK ("service_categories"."slug" ~ '^[a-z0-9][a-z0-9-]*$')
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_id" uuid NOT NULL,
	"kind" "service_kind" NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"processing_days" integer NOT NULL,
	"fee_amount" numeric(12, 2),
	"available_online" boolean DEFAULT false NOT NULL,
	"requires_appointment" boolean DEFAULT true NOT NULL,
	"min_trust_level" "trust_level" DEFAULT 'SIMPLIFIED' NOT NULL,
	"appointment_minutes" integer DEFAULT 15 NOT NULL,
	"application_form" jsonb,
	"archived_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("services"."title", '')), 'A') || setweight(to_tsvector('russian', coalesce("services"."description", '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_processing_days" CHECK ("services"."processing_days" >= 0),
	CONSTRAINT "services_fee" CHECK ("services"."fee_amount" IS NULL OR "services"."fee_amount" >= 0),
	CONSTRAINT "services_appointment_minutes" CHECK ("services"."appointment_minutes" > 0 AND "services"."appointment_minutes" % 15 = 0)
);
--> statement-breakpoint
CREATE TABLE "branch_services" (
	"branch_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "branch_services_branch_id_service_id_pk" PRIMARY KEY("branch_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"locality" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"timezone" text NOT NULL,
	"phone" text,
	"windows" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "branches_lat" CHECK ("branches"."lat" BETWEEN -90 AND 90),
	CONSTRAINT "branches_lon" CHECK ("branches"."lon" BETWEEN -180 AND 180),
	CONSTRAINT "branches_windows" CHECK ("branches"."windows" BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_exceptions" (
	"branch_id" uuid NOT NULL,
	"date" date NOT NULL,
	"closed" boolean NOT NULL,
	"opens" time,
	"closes" time,
	"note" text,
	CONSTRAINT "schedule_exceptions_branch_id_date_pk" PRIMARY KEY("branch_id","date"),
	CONSTRAINT "schedule_exceptions_hours" CHECK ("schedule_exceptions"."closed" OR ("schedule_exceptions"."opens" IS NOT NULL AND "schedule_exceptions"."closes" IS NOT NULL AND "schedule_exceptions"."opens" < "schedule_exceptions"."closes"))
);
--> statement-breakpoint
CREATE TABLE "working_hours" (
	"branch_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	"break_start" time,
	"break_end" time,
	CONSTRAINT "working_hours_branch_id_weekday_pk" PRIMARY KEY("branch_id","weekday"),
	CONSTRAINT "working_hours_weekday" CHECK ("working_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "working_hours_order" CHECK ("working_hours"."opens" < "working_hours"."closes"),
	CONSTRAINT "working_hours_break" CHECK (("working_hours"."break_start" IS NULL AND "working_hours"."break_end" IS NULL) OR ("working_hours"."break_start" IS NOT NULL AND "working_hours"."break_end" IS NOT NULL AND "working_hours"."opens" < "working_hours"."break_start" AND "working_hours"."break_start" < "working_hours"."break_end" AND "working_hours"."break_end" < "working_hours"."closes"))
);
--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_services" ADD CONSTRAINT "branch_services_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_services" ADD CONSTRAINT "branch_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branches" ADD CONSTRAINT "branches_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_exceptions" ADD CONSTRAINT "schedule_exceptions_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_categories_slug_key" ON "service_categories" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "services_code_key" ON "services" USING btree ("code");--> statement-breakpoint
CREATE INDEX "services_category_idx" ON "services" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search");--> statement-breakpoint
CREATE INDEX "services_title_prefix_idx" ON "services" USING btree (lower("title") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "branch_services_service_idx" ON "branch_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "branches_region_locality_idx" ON "branches" USING btree ("region_code","locality");--> statement-breakpoint
CREATE INDEX "branches_lat_lon_idx" ON "branches" USING btree ("lat","lon");--> statement-breakpoint
CREATE INDEX "branches_name_idx" ON "branches" USING btree ("name");