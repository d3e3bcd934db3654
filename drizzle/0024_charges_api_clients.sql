ALTER TABLE "charges" DROP CONSTRAINT "charges_issued_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "issued_by_client_id" uuid;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "actor_client_id" uuid;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_issued_by_client_id_api_clients_id_fk" FOREIGN KEY ("issued_by_client_id") REFERENCES "public"."api_clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_actor_client_id_api_clients_id_fk" FOREIGN KEY ("actor_client_id") REFERENCES "public"."api_clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_one_issuer" CHECK (num_nonnulls("charges"."issued_by", "charges"."issued_by_client_id") = 1 OR ("charges"."kind" = 'STATE_FEE' AND "charges"."issued_by" IS NULL AND "charges"."issued_by_client_id" IS NULL));--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_one_actor" CHECK (num_nonnulls("ledger_entries"."actor_id", "ledger_entries"."actor_client_id") <= 1);