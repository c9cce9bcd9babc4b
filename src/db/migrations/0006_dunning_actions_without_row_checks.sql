ALTER TABLE "dunning_action_invoices" DROP CONSTRAINT "dunning_action_invoices_action_id_dunning_actions_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_action_invoices" DROP CONSTRAINT "dunning_action_invoices_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_actions" DROP CONSTRAINT "dunning_actions_org_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_actions" DROP CONSTRAINT "dunning_actions_run_id_dunning_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_actions" DROP CONSTRAINT "dunning_actions_debtor_id_debtors_id_fk";
--> statement-breakpoint
ALTER TABLE "dunning_actions" DROP CONSTRAINT "dunning_actions_step_id_dunning_steps_id_fk";
--> statement-breakpoint
DROP INDEX "dunning_actions_debtor_idx";