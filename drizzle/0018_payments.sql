CREATE TYPE "public"."charge_kind" AS ENUM('STATE_FEE', 'FINE', 'TAX');--> statement-breakpoint
CREATE TYPE "public"."charge_status" AS ENUM('UNPAID', 'PAID', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('CHARGE_ISSUED', 'CHARGE_CANCELLED', 'PAYMENT_SUCCEEDED', 'REFUND_SUCCEEDED');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('CARD', 'SBP');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE SEQUENCE "public"."charge_uin_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" charge_kind NOT NULL,
	"uin" text NOT NULL,
	"purpose" text NOT NULL,
	"payee" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"discount_percent" integer DEFAULT 0 NOT NULL,
	"discount_until" date,
	"due_date" date,
	"status" charge_status DEFAULT 'UNPAID' NOT NULL,
	"application_id" uuid,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"due_reminded_at" timestamp with time zone,
	CONSTRAINT "charges_amount_positive" CHECK ("charges"."amount_kopecks" > 0),
	CONSTRAINT "charges_discount_range" CHECK ("charges"."discount_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"charge_id" uuid NOT NULL,
	"payment_id" uuid,
	"refund_id" uuid,
	"amount_kopecks" bigint NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charge_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"method" "payment_method" NOT NULL,
	"status" "payment_status" DEFAULT 'PENDING' NOT NULL,
	"provider_payment_id" text,
	"confirmation_url" text,
	"return_url" text NOT NULL,
	"refunded_kopecks" bigint DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_kopecks" > 0),
	CONSTRAINT "payments_refund_bounds" CHECK ("payments"."refunded_kopecks" BETWEEN 0 AND "payments"."amount_kopecks")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "refund_status" DEFAULT 'PENDING' NOT NULL,
	"provider_refund_id" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount_kopecks" > 0)
);
--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charges_uin_key" ON "charges" USING btree ("uin");--> statement-breakpoint
CREATE UNIQUE INDEX "charges_application_fee_key" ON "charges" USING btree ("application_id") WHERE "charges"."kind" = 'STATE_FEE';--> statement-breakpoint
CREATE INDEX "charges_user_idx" ON "charges" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE INDEX "charges_due_idx" ON "charges" USING btree ("due_date") WHERE "charges"."status" = 'UNPAID';--> statement-breakpoint
CREATE INDEX "ledger_charge_idx" ON "ledger_entries" USING btree ("charge_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payment_once_key" ON "ledger_entries" USING btree ("payment_id") WHERE "ledger_entries"."kind" = 'PAYMENT_SUCCEEDED';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_refund_once_key" ON "ledger_entries" USING btree ("refund_id") WHERE "ledger_entries"."kind" = 'REFUND_SUCCEEDED';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_pending_key" ON "payments" USING btree ("charge_id") WHERE "payments"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_key" ON "payments" USING btree ("provider_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key" ON "payments" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "payments_charge_idx" ON "payments" USING btree ("charge_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" USING btree ("created_at") WHERE "payments"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_provider_key" ON "refunds" USING btree ("provider_refund_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("created_at") WHERE "refunds"."status" = 'PENDING';