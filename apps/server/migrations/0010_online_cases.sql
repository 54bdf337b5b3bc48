CREATE TABLE "online_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"payload_hash" text NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"handler_name" text,
	"applicant_name" text NOT NULL,
	"id_number" text,
	"phone" text NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone NOT NULL,
	"result" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "online_cases_case_no_uq" UNIQUE("tenant_id","case_no")
);
--> statement-breakpoint
ALTER TABLE "online_cases" ADD CONSTRAINT "online_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_cases" ADD CONSTRAINT "online_cases_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "online_cases_finished_idx" ON "online_cases" USING btree ("tenant_id","finished_at");--> statement-breakpoint
CREATE INDEX "online_cases_scope_idx" ON "online_cases" USING btree ("tenant_id","scope_path" text_pattern_ops);