CREATE TABLE "slot_watches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	CONSTRAINT "slot_watches_range" CHECK ("slot_watches"."from_date" <= "slot_watches"."to_date")
);
--> statement-breakpoint
ALTER TABLE "slot_watches" ADD CONSTRAINT "slot_watches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_watches" ADD CONSTRAINT "slot_watches_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_watches" ADD CONSTRAINT "slot_watches_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slot_watches_active_idx" ON "slot_watches" USING btree ("branch_id","service_id","from_date") WHERE "slot_watches"."active";--> statement-breakpoint
CREATE INDEX "slot_watches_user_idx" ON "slot_watches" USING btree ("user_id","created_at");