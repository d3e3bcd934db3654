ALTER TABLE "branch_load_samples" DROP CONSTRAINT "branch_load_samples_pkey";--> statement-breakpoint
ALTER TABLE "branch_load_samples" ADD CONSTRAINT "branch_load_samples_id_at_pk" PRIMARY KEY("id","at");--> statement-breakpoint
CREATE INDEX "applications_branch_queue_idx" ON "applications" USING btree ("branch_id","submitted_at","id") WHERE "applications"."status" <> 'DRAFT';
