CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT 'chinese-days' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text NOT NULL,
	CONSTRAINT "campaigns_tag_uq" UNIQUE("tenant_id","tag")
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text,
	"category" text,
	"urgency" text,
	"accept_value" integer NOT NULL,
	"accept_unit" text NOT NULL,
	"close_value" integer NOT NULL,
	"close_unit" text NOT NULL,
	"warn_hours" integer NOT NULL,
	"max_extensions" integer NOT NULL,
	"supervise_after_wd" integer NOT NULL,
	"notify_after_wd" integer NOT NULL,
	CONSTRAINT "sla_policies_uq" UNIQUE NULLS NOT DISTINCT("tenant_id","year","kind","category","urgency")
);
--> statement-breakpoint
CREATE TABLE "work_order_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"name" text,
	"phone" text,
	"from_work_order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"unit_id" uuid,
	"at" timestamp (3) with time zone NOT NULL,
	"reason" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "work_order_events_seq_uq" UNIQUE("work_order_id","seq")
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"seq_no" bigserial NOT NULL,
	"external_no" text,
	"payload_hash" text,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"town_id" uuid,
	"community_id" uuid,
	"address" text,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"campaign_tags" text[] DEFAULT '{}' NOT NULL,
	"status" text NOT NULL,
	"unit_id" uuid,
	"scope_path" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"accept_due_at" timestamp (3) with time zone NOT NULL,
	"close_due_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"replied_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"extension_count" integer DEFAULT 0 NOT NULL,
	"redo_count" integer DEFAULT 0 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"improper_return_count" integer DEFAULT 0 NOT NULL,
	"supervision_level" integer DEFAULT 0 NOT NULL,
	"satisfaction" integer,
	"resolved" boolean,
	"praise" boolean DEFAULT false NOT NULL,
	"master_id" uuid,
	"duplicate_of" uuid,
	"source_ref" text,
	"event_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_external_uq" UNIQUE("tenant_id","external_no"),
	CONSTRAINT "work_orders_seq_uq" UNIQUE("seq_no")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_contacts" ADD CONSTRAINT "work_order_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_contacts" ADD CONSTRAINT "work_order_contacts_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_order_events_tenant_at_idx" ON "work_order_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "work_orders_received_idx" ON "work_orders" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "work_orders_status_idx" ON "work_orders" USING btree ("tenant_id","status","close_due_at");--> statement-breakpoint
CREATE INDEX "work_orders_scope_idx" ON "work_orders" USING btree ("tenant_id","scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_orders_community_idx" ON "work_orders" USING btree ("tenant_id","community_id","status");