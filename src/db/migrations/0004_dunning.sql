CREATE TYPE "public"."action_status" AS ENUM('planned', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."call_task_reason" AS ENUM('dunning_step', 'delivery_failed', 'handover_review');--> statement-breakpoint
CREATE TYPE "public"."letter_kind" AS ENUM('pre_due_notice', 'first_reminder', 'second_reminder', 'fourteen_day_letter', 'formal_demand', 'handover_notice');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('queued', 'sent', 'failed', 'to_print', 'printed');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('active', 'completed', 'broken', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."policy_regime" AS ENUM('nl_b2b', 'nl_b2c', 'be_b2b', 'be_b2c');--> statement-breakpoint
CREATE TYPE "public"."promise_status" AS ENUM('open', 'kept', 'partially_kept', 'broken', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('planned', 'running', 'completed');--> statement-breakpoint
CREATE TYPE "public"."step_anchor" AS ENUM('due_date', 'previous_step');--> statement-breakpoint
CREATE TYPE "public"."step_channel" AS ENUM('email', 'letter', 'call_task', 'handover');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."tone" AS ENUM('friendly', 'neutral', 'firm');--> statement-breakpoint
CREATE TYPE "public"."dunning_mode" AS ENUM('review', 'automatic');--> statement-breakpoint
CREATE TABLE "call_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"reason" "call_task_reason" NOT NULL,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"due_date" date NOT NULL,
	"action_id" uuid,
	"outbox_message_id" uuid,
	"contact_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"action_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text DEFAULT 'application/pdf' NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_action_invoices" (
	"org_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"run_date" date NOT NULL,
	"open_cents" bigint NOT NULL,
	CONSTRAINT "dunning_action_invoices_action_id_invoice_id_pk" PRIMARY KEY("action_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "dunning_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"run_date" date NOT NULL,
	"channel" "step_channel" NOT NULL,
	"status" "action_status" DEFAULT 'planned' NOT NULL,
	"open_cents" bigint NOT NULL,
	"deadline" date,
	"outbox_message_id" uuid,
	"call_task_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dunning_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"regime" "policy_regime" NOT NULL,
	"debtor_kind" "debtor_kind" NOT NULL,
	"segment" text,
	"priority" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"run_date" date NOT NULL,
	"status" "run_status" DEFAULT 'planned' NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dunning_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"anchor" "step_anchor" NOT NULL,
	"offset_days" integer NOT NULL,
	"channel" "step_channel" NOT NULL,
	"letter_kind" "letter_kind",
	"tone" "tone" DEFAULT 'neutral' NOT NULL,
	"deadline_days" integer DEFAULT 10 NOT NULL,
	"min_open_cents" bigint DEFAULT 0 NOT NULL,
	"claims_costs" boolean DEFAULT false NOT NULL,
	"skip_when_disputed" boolean DEFAULT true NOT NULL,
	"skip_when_promised" boolean DEFAULT true NOT NULL,
	"skip_when_planned" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"action_id" uuid,
	"status" "outbox_status" NOT NULL,
	"to_address" text,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"document_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"smtp_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_plan_invoices" (
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	CONSTRAINT "payment_plan_invoices_plan_id_invoice_id_pk" PRIMARY KEY("plan_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "payment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"status" "plan_status" DEFAULT 'active' NOT NULL,
	"total_cents" bigint NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promise_invoices" (
	"org_id" uuid NOT NULL,
	"promise_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	CONSTRAINT "promise_invoices_promise_id_invoice_id_pk" PRIMARY KEY("promise_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"promised_date" date NOT NULL,
	"status" "promise_status" DEFAULT 'open' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dunning_mode" "dunning_mode" DEFAULT 'review' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dunning_run_time" text DEFAULT '07:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "can_deduct_vat" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_action_id_dunning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."dunning_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_outbox_message_id_outbox_messages_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_action_id_dunning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."dunning_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_action_invoices" ADD CONSTRAINT "dunning_action_invoices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_action_invoices" ADD CONSTRAINT "dunning_action_invoices_action_id_dunning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."dunning_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_action_invoices" ADD CONSTRAINT "dunning_action_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_actions" ADD CONSTRAINT "dunning_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_actions" ADD CONSTRAINT "dunning_actions_run_id_dunning_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."dunning_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_actions" ADD CONSTRAINT "dunning_actions_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_actions" ADD CONSTRAINT "dunning_actions_step_id_dunning_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."dunning_steps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_policies" ADD CONSTRAINT "dunning_policies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_runs" ADD CONSTRAINT "dunning_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_runs" ADD CONSTRAINT "dunning_runs_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_steps" ADD CONSTRAINT "dunning_steps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_steps" ADD CONSTRAINT "dunning_steps_policy_id_dunning_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."dunning_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_action_id_dunning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."dunning_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_invoices" ADD CONSTRAINT "payment_plan_invoices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_invoices" ADD CONSTRAINT "payment_plan_invoices_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_invoices" ADD CONSTRAINT "payment_plan_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoices" ADD CONSTRAINT "promise_invoices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoices" ADD CONSTRAINT "promise_invoices_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_invoices" ADD CONSTRAINT "promise_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_tasks_org_status_due_idx" ON "call_tasks" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "call_tasks_action_idx" ON "call_tasks" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_tasks_outbox_idx" ON "call_tasks" USING btree ("outbox_message_id");--> statement-breakpoint
CREATE INDEX "documents_debtor_idx" ON "documents" USING btree ("org_id","debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_action_invoices_once_idx" ON "dunning_action_invoices" USING btree ("org_id","invoice_id","step_id");--> statement-breakpoint
CREATE INDEX "dunning_action_invoices_last_idx" ON "dunning_action_invoices" USING btree ("org_id","invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_actions_once_idx" ON "dunning_actions" USING btree ("org_id","debtor_id","step_id","run_date");--> statement-breakpoint
CREATE INDEX "dunning_actions_run_idx" ON "dunning_actions" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "dunning_actions_debtor_idx" ON "dunning_actions" USING btree ("org_id","debtor_id","run_date");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_policies_org_name_idx" ON "dunning_policies" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_runs_org_date_idx" ON "dunning_runs" USING btree ("org_id","run_date");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_steps_policy_position_idx" ON "dunning_steps" USING btree ("policy_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_action_idx" ON "outbox_messages" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_org_status_idx" ON "outbox_messages" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "payment_plan_invoices_invoice_idx" ON "payment_plan_invoices" USING btree ("org_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payment_plans_debtor_idx" ON "payment_plans" USING btree ("org_id","debtor_id","status");--> statement-breakpoint
CREATE INDEX "promise_invoices_invoice_idx" ON "promise_invoices" USING btree ("org_id","invoice_id");--> statement-breakpoint
CREATE INDEX "promises_debtor_idx" ON "promises" USING btree ("org_id","debtor_id","status");