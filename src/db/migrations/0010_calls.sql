CREATE TYPE "public"."call_outcome" AS ENUM('no_answer', 'voicemail', 'wrong_number', 'gatekeeper', 'reached');--> statement-breakpoint
CREATE TYPE "public"."call_result" AS ENUM('promise', 'partial_payment', 'payment_plan', 'dispute', 'claims_paid', 'refuses');--> statement-breakpoint
CREATE TYPE "public"."non_payment_cause" AS ENUM('forgotten', 'invoice_not_received', 'approval_process', 'quality_dispute', 'delivery_dispute', 'terms_disagreement', 'cash_flow', 'waiting_for_own_customer', 'illness_or_absence', 'payment_trouble', 'refuses_to_pay', 'other');--> statement-breakpoint
CREATE TYPE "public"."objection_code" AS ENUM('already_paid', 'was_ill', 'call_back_later', 'not_satisfied', 'never_saw_invoice', 'pay_end_of_week', 'goods_not_received', 'term_was_sixty_days', 'cannot_pay_now', 'waiting_for_own_customer', 'responsible_person_absent', 'invoice_not_approved', 'in_next_payment_run');--> statement-breakpoint
CREATE TYPE "public"."skill_level" AS ENUM('junior', 'medior', 'senior');--> statement-breakpoint
ALTER TYPE "public"."call_task_reason" ADD VALUE 'callback' BEFORE 'missed_instalment';--> statement-breakpoint
ALTER TYPE "public"."call_task_reason" ADD VALUE 'broken_promise' BEFORE 'missed_instalment';--> statement-breakpoint
ALTER TYPE "public"."call_task_reason" ADD VALUE 'dispute_resolved';--> statement-breakpoint
ALTER TYPE "public"."call_task_reason" ADD VALUE 'agreement_unconfirmed';--> statement-breakpoint
CREATE TABLE "agreement_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"call_id" uuid,
	"promise_id" uuid,
	"plan_id" uuid,
	"token_hash" text NOT NULL,
	"outbox_message_id" uuid,
	"sent_on" date NOT NULL,
	"confirm_by" date NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_locks" (
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_locks_org_id_debtor_id_pk" PRIMARY KEY("org_id","debtor_id")
);
--> statement-breakpoint
CREATE TABLE "call_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"objection" "objection_code" NOT NULL,
	"counter_id" text,
	"promise_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"contact_id" uuid,
	"collector_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer DEFAULT 0 NOT NULL,
	"outcome" "call_outcome" NOT NULL,
	"result" "call_result",
	"non_payment_cause" "non_payment_cause",
	"non_payment_cause_text" text,
	"notes" text,
	"local_hour" smallint NOT NULL,
	"local_weekday" smallint NOT NULL,
	"is_aggressive" boolean DEFAULT false NOT NULL,
	"details" jsonb,
	"evaluation" text,
	"promise_id" uuid,
	"plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "callback_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "promise_id" uuid;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "breaks_on" date;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "paid_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "call_skill_level" "skill_level";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "calls_per_day" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "call_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_outbox_message_id_outbox_messages_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_locks" ADD CONSTRAINT "call_locks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_locks" ADD CONSTRAINT "call_locks_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_locks" ADD CONSTRAINT "call_locks_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_objections" ADD CONSTRAINT "call_objections_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_confirmations_token_idx" ON "agreement_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "agreement_confirmations_pending_idx" ON "agreement_confirmations" USING btree ("org_id","confirm_by") WHERE "agreement_confirmations"."confirmed_at" is null;--> statement-breakpoint
CREATE INDEX "call_objections_debtor_idx" ON "call_objections" USING btree ("org_id","debtor_id");--> statement-breakpoint
CREATE INDEX "call_objections_counter_idx" ON "call_objections" USING btree ("org_id","counter_id");--> statement-breakpoint
CREATE INDEX "calls_debtor_idx" ON "calls" USING btree ("org_id","debtor_id","started_at");--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_tasks" ADD CONSTRAINT "call_tasks_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_tasks_call_once_idx" ON "call_tasks" USING btree ("reason","call_id") WHERE "call_tasks"."call_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "call_tasks_promise_once_idx" ON "call_tasks" USING btree ("reason","promise_id") WHERE "call_tasks"."promise_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "call_tasks_dispute_once_idx" ON "call_tasks" USING btree ("reason","dispute_id") WHERE "call_tasks"."dispute_id" is not null;--> statement-breakpoint
CREATE INDEX "call_tasks_debtor_open_idx" ON "call_tasks" USING btree ("org_id","debtor_id") WHERE "call_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "promises_org_status_breaks_idx" ON "promises" USING btree ("org_id","status","breaks_on");