CREATE TYPE "public"."instalment_status" AS ENUM('open', 'partially_paid', 'paid');--> statement-breakpoint
CREATE TYPE "public"."plan_interval" AS ENUM('week', 'two_weeks', 'month');--> statement-breakpoint
CREATE TYPE "public"."plan_origin" AS ENUM('dossier', 'call');--> statement-breakpoint
ALTER TYPE "public"."call_task_reason" ADD VALUE 'missed_instalment';--> statement-breakpoint
ALTER TYPE "public"."plan_status" ADD VALUE 'in_arrears' BEFORE 'completed';--> statement-breakpoint
CREATE TABLE "payment_plan_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"status" "instalment_status" DEFAULT 'open' NOT NULL,
	"paid_on" date
);
--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "plan_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "down_payment_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "interval" "plan_interval";--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "grace_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "paid_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "in_arrears_since" date;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "broken_on" date;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "completed_on" date;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "origin" "plan_origin" DEFAULT 'dossier' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "acknowledged_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "thank_you_message_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD COLUMN "letter_document_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_plan_instalments" ADD CONSTRAINT "payment_plan_instalments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_instalments" ADD CONSTRAINT "payment_plan_instalments_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_plan_instalments_plan_number_idx" ON "payment_plan_instalments" USING btree ("plan_id","number");--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_thank_you_message_id_outbox_messages_id_fk" FOREIGN KEY ("thank_you_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_letter_document_id_documents_id_fk" FOREIGN KEY ("letter_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_tasks_plan_once_idx" ON "call_tasks" USING btree ("reason","plan_id") WHERE "call_tasks"."plan_id" is not null;--> statement-breakpoint
CREATE INDEX "payment_plans_org_status_idx" ON "payment_plans" USING btree ("org_id","status");