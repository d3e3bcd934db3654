ALTER TABLE "branch_load_samples" DROP CONSTRAINT "branch_load_samples_pkey";--> statement-breakpoint
ALTER TABLE "branch_load_samples" ADD CONSTRAINT "branch_load_samples_id_at_pk" PRIMARY KEY("id","at");
