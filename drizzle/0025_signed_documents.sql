CREATE TYPE "public"."signed_document_kind" AS ENUM('APPLICATION_VERSION', 'PROFILE_CHANGE_REQUEST');--> statement-breakpoint
ALTER TYPE "public"."challenge_purpose" ADD VALUE 'CERTIFICATE_BINDING';--> statement-breakpoint
CREATE TABLE "account_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"thumbprint" text NOT NULL,
	"chain" text NOT NULL,
	"serial_number" text NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"qualified" boolean NOT NULL,
	"bound_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unbound_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"kind" "signed_document_kind" NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"algorithm" text NOT NULL,
	"signature" text NOT NULL,
	"digest" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_certificates" ADD CONSTRAINT "account_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_certificate_id_account_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."account_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_certificates_bound_key" ON "account_certificates" USING btree ("thumbprint") WHERE "account_certificates"."unbound_at" IS NULL;--> statement-breakpoint
CREATE INDEX "account_certificates_user_idx" ON "account_certificates" USING btree ("user_id","bound_at");--> statement-breakpoint
CREATE INDEX "document_signatures_document_idx" ON "document_signatures" USING btree ("kind","document_id","version","signed_at");