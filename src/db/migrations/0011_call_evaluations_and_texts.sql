CREATE TYPE "public"."script_situation" AS ENUM('before_due', 'just_overdue', 'falling_behind', 'broken_promise', 'consumer_payment_problems', 'final_before_legal');--> statement-breakpoint
CREATE TABLE "call_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"author_id" uuid,
	"went_well" text,
	"to_improve" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_script_overrides" (
	"org_id" uuid NOT NULL,
	"situation" "script_situation" NOT NULL,
	"language" "language" NOT NULL,
	"sections" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_script_overrides_org_id_situation_language_pk" PRIMARY KEY("org_id","situation","language")
);
--> statement-breakpoint
CREATE TABLE "objection_text_overrides" (
	"org_id" uuid NOT NULL,
	"objection" "objection_code" NOT NULL,
	"language" "language" NOT NULL,
	"texts" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objection_text_overrides_org_id_objection_language_pk" PRIMARY KEY("org_id","objection","language")
);
--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "thank_you_message_id" uuid;--> statement-breakpoint
ALTER TABLE "call_evaluations" ADD CONSTRAINT "call_evaluations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_evaluations" ADD CONSTRAINT "call_evaluations_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_evaluations" ADD CONSTRAINT "call_evaluations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_evaluations" ADD CONSTRAINT "call_evaluations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_evaluations" ADD CONSTRAINT "call_evaluations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_script_overrides" ADD CONSTRAINT "call_script_overrides_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_script_overrides" ADD CONSTRAINT "call_script_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_text_overrides" ADD CONSTRAINT "objection_text_overrides_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_text_overrides" ADD CONSTRAINT "objection_text_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_evaluations_call_idx" ON "call_evaluations" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "call_evaluations_org_idx" ON "call_evaluations" USING btree ("org_id","created_at");--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_thank_you_message_id_outbox_messages_id_fk" FOREIGN KEY ("thank_you_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" DROP COLUMN "evaluation";