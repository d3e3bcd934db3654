ALTER TABLE "users" ADD COLUMN "snils_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "inn_verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_snils_verified_has_value" CHECK (NOT "users"."snils_verified" OR "users"."snils_hash" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_inn_verified_has_value" CHECK (NOT "users"."inn_verified" OR "users"."inn_hash" IS NOT NULL);