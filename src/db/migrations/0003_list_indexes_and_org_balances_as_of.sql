DROP INDEX "debtors_org_segment_idx";--> statement-breakpoint
DROP INDEX "debtors_org_collector_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "balances_as_of" date;--> statement-breakpoint
CREATE INDEX "debtors_org_segment_overdue_idx" ON "debtors" USING btree ("org_id","segment","overdue_cents" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "debtors_org_collector_overdue_idx" ON "debtors" USING btree ("org_id","assigned_collector_id","overdue_cents" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "debtors_org_name_idx" ON "debtors" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "invoices_org_due_idx" ON "invoices" USING btree ("org_id","due_date","id");