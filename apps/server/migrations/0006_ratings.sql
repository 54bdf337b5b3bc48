CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_label" text NOT NULL,
	"unit_id" uuid,
	"scope_path" text NOT NULL,
	"window_name" text,
	"staff_name" text,
	"item_code" text,
	"level" integer NOT NULL,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"rater_name" text,
	"rater_phone" text,
	"status" text DEFAULT 'valid' NOT NULL,
	"appeal" text DEFAULT 'none' NOT NULL,
	"appeal_reason" text,
	"decision_reason" text,
	"rated_at" timestamp (3) with time zone NOT NULL,
	"rectification_work_order_id" uuid,
	CONSTRAINT "ratings_subject_uq" UNIQUE("tenant_id","subject_kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ratings_scope_idx" ON "ratings" USING btree ("tenant_id","scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ratings_rated_idx" ON "ratings" USING btree ("tenant_id","rated_at");