CREATE INDEX IF NOT EXISTS "work_order_contacts_work_order_idx" ON "work_order_contacts" USING btree ("work_order_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "export_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"error" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_tasks" ADD CONSTRAINT "export_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "export_tasks_user_idx" ON "export_tasks" USING btree ("tenant_id","user_id","created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "export_tasks_expires_idx" ON "export_tasks" USING btree ("expires_at");
