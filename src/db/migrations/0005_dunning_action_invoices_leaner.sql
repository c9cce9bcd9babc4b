ALTER TABLE "dunning_action_invoices" DROP CONSTRAINT "dunning_action_invoices_org_id_organisations_id_fk";
--> statement-breakpoint
DROP INDEX "dunning_action_invoices_last_idx";