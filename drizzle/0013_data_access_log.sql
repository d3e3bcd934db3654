ALTER TABLE "data_access_log" DROP CONSTRAINT "data_access_log_staff_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "data_access_log" ADD CONSTRAINT "data_access_log_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;