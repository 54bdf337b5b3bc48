CREATE TABLE "credit_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"id_number" text NOT NULL,
	"person_name" text NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"listed_on" date NOT NULL,
	"lifted_at" timestamp (3) with time zone,
	"lift_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deferral_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"deferral_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_name" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "deferrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"person_name" text,
	"id_number" text NOT NULL,
	"phone" text,
	"missing_materials" text[] NOT NULL,
	"promise_text" text NOT NULL,
	"promise_signed_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone NOT NULL,
	"promised_limit_days" integer NOT NULL,
	"promised_due_at" timestamp (3) with time zone NOT NULL,
	"make_up_due_at" timestamp (3) with time zone NOT NULL,
	"status" text NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"close_note" text,
	"created_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_flags" ADD CONSTRAINT "credit_flags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferral_events" ADD CONSTRAINT "deferral_events_deferral_id_deferrals_id_fk" FOREIGN KEY ("deferral_id") REFERENCES "public"."deferrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferrals" ADD CONSTRAINT "deferrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_flags_open_uq" ON "credit_flags" USING btree ("tenant_id","id_number") WHERE "credit_flags"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "deferral_events_idx" ON "deferral_events" USING btree ("deferral_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "deferrals_case_uq" ON "deferrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "deferrals_scope_idx" ON "deferrals" USING btree ("tenant_id","scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "deferrals_due_idx" ON "deferrals" USING btree ("status","make_up_due_at");