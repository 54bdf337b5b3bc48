-- 共享申请审批期限提醒: one row per request and stage (即将到期, 已超期), so the job reminds once per stage.
CREATE TABLE "data_request_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"request_id" uuid NOT NULL REFERENCES "data_requests"("id"),
	"stage" text NOT NULL,
	"provider_path" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "data_request_reminders_uq" UNIQUE("request_id","stage")
);
--> statement-breakpoint
CREATE INDEX "data_request_reminders_provider_idx" ON "data_request_reminders" USING btree ("tenant_id","provider_path" text_pattern_ops);
--> statement-breakpoint
-- The statistics page sums a year's batches by their arrival.
CREATE INDEX "data_batches_received_idx" ON "data_batches" USING btree ("tenant_id","received_at");
