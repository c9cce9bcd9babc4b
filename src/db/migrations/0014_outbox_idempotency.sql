ALTER TABLE "outbox_messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "request_fingerprint" text;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_org_idempotency_idx" ON "outbox_messages" USING btree ("org_id","idempotency_key") WHERE "outbox_messages"."idempotency_key" is not null;