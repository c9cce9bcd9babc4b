CREATE TYPE "public"."balance_check_result" AS ENUM('not_given', 'ok', 'mismatch');--> statement-breakpoint
CREATE TYPE "public"."bank_file_format" AS ENUM('camt053', 'camt054', 'camt052', 'mt940', 'coda', 'csv');--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'parked';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'refunded';--> statement-breakpoint
ALTER TYPE "public"."payment_status" ADD VALUE 'reversed';--> statement-breakpoint
CREATE TABLE "bank_csv_mappings" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_csv_mappings_org_id_name_pk" PRIMARY KEY("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "bank_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"dedup_key" text NOT NULL,
	"place" text NOT NULL,
	"booking_date" date NOT NULL,
	"value_date" date,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"is_reversal" boolean DEFAULT false NOT NULL,
	"return_reason" text,
	"counterparty_name" text,
	"counterparty_iban" text,
	"counterparty_account_number" text,
	"counterparty_bic" text,
	"structured_reference" text,
	"additional_structured_references" text[] DEFAULT '{}'::text[] NOT NULL,
	"remittance" text,
	"end_to_end_id" text,
	"bank_reference" text,
	"transaction_code" text,
	"payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" "bank_file_format" NOT NULL,
	"statement_count" integer DEFAULT 0 NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"new_entry_count" integer DEFAULT 0 NOT NULL,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"place" text NOT NULL,
	"statement_id" text,
	"account_iban" text,
	"account_number" text,
	"currency" text NOT NULL,
	"opening_cents" bigint,
	"opening_date" date,
	"closing_cents" bigint,
	"closing_date" date,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"entries_cents" bigint DEFAULT 0 NOT NULL,
	"balance_check" "balance_check_result" DEFAULT 'not_given' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"score" smallint NOT NULL,
	"reasons" text[] NOT NULL,
	"debtor_id" uuid,
	"invoice_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payment_reference_key" text GENERATED ALWAYS AS (nullif(upper(regexp_replace(payment_reference, '[^0-9A-Za-z]', '', 'g')), '')) STORED;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "number_key" text GENERATED ALWAYS AS (nullif(ltrim(regexp_replace(upper(regexp_replace(number, '[^0-9A-Za-z]', '', 'g')), '^(FACTUURNUMMER|FACTUURNR|FACTUUR|FACTUREN|FACTURE|FAKTUUR|FACT|INVOICE|INV|NUMMER|NR|NO|F)+', ''), '0'), '')) STORED;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reverses_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "auto_match_threshold" smallint DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_csv_mappings" ADD CONSTRAINT "bank_csv_mappings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_entries" ADD CONSTRAINT "bank_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_entries" ADD CONSTRAINT "bank_entries_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."bank_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_entries" ADD CONSTRAINT "bank_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_file_id_bank_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."bank_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_suggestions" ADD CONSTRAINT "match_suggestions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_suggestions" ADD CONSTRAINT "match_suggestions_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_entries_org_dedup_idx" ON "bank_entries" USING btree ("org_id","dedup_key");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_entries_payment_idx" ON "bank_entries" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "bank_entries_statement_idx" ON "bank_entries" USING btree ("org_id","statement_id");--> statement-breakpoint
CREATE INDEX "bank_entries_end_to_end_idx" ON "bank_entries" USING btree ("org_id","end_to_end_id") WHERE "bank_entries"."end_to_end_id" is not null;--> statement-breakpoint
CREATE INDEX "bank_files_org_idx" ON "bank_files" USING btree ("org_id","imported_at");--> statement-breakpoint
CREATE INDEX "bank_files_sha_idx" ON "bank_files" USING btree ("org_id","sha256");--> statement-breakpoint
CREATE INDEX "bank_statements_file_idx" ON "bank_statements" USING btree ("org_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_suggestions_payment_rank_idx" ON "match_suggestions" USING btree ("org_id","payment_id","rank");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_reverses_payment_id_payments_id_fk" FOREIGN KEY ("reverses_payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_org_reference_key_idx" ON "invoices" USING btree ("org_id","payment_reference_key") WHERE "invoices"."payment_reference_key" is not null;--> statement-breakpoint
CREATE INDEX "invoices_org_number_key_idx" ON "invoices" USING btree ("org_id","number_key");--> statement-breakpoint
CREATE INDEX "invoices_org_open_amount_idx" ON "invoices" USING btree ("org_id","open_cents") WHERE "invoices"."open_cents" > 0;--> statement-breakpoint
CREATE INDEX "payments_org_iban_idx" ON "payments" USING btree ("org_id","counterparty_iban","debtor_id") WHERE "payments"."counterparty_iban" is not null and "payments"."debtor_id" is not null;