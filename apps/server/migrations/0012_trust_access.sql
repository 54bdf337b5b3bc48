CREATE TABLE IF NOT EXISTS "tenant_calendar_days" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT 'staff' NOT NULL,
	CONSTRAINT "tenant_calendar_days_pk" PRIMARY KEY ("tenant_id", "day")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "login_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "budget_revenues" ADD COLUMN IF NOT EXISTS "tenant_id" uuid;
--> statement-breakpoint
UPDATE "budget_revenues" c SET "tenant_id" = p."tenant_id" FROM "budget_years" p WHERE p."id" = c."year_id" AND c."tenant_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "budget_revenues" ALTER COLUMN "tenant_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "budget_revenues" ADD CONSTRAINT "budget_revenues_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id");
--> statement-breakpoint
ALTER TABLE "budget_project_months" ADD COLUMN IF NOT EXISTS "tenant_id" uuid;
--> statement-breakpoint
UPDATE "budget_project_months" c SET "tenant_id" = p."tenant_id" FROM "budget_projects" p WHERE p."id" = c."project_id" AND c."tenant_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "budget_project_months" ALTER COLUMN "tenant_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "budget_project_months" ADD CONSTRAINT "budget_project_months_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id");
--> statement-breakpoint
ALTER TABLE "performance_indicators" ADD COLUMN IF NOT EXISTS "tenant_id" uuid;
--> statement-breakpoint
UPDATE "performance_indicators" c SET "tenant_id" = p."tenant_id" FROM "budget_projects" p WHERE p."id" = c."project_id" AND c."tenant_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "performance_indicators" ALTER COLUMN "tenant_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "performance_indicators" ADD CONSTRAINT "performance_indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id");
--> statement-breakpoint
ALTER TABLE "deferral_events" ADD COLUMN IF NOT EXISTS "tenant_id" uuid;
--> statement-breakpoint
UPDATE "deferral_events" c SET "tenant_id" = p."tenant_id" FROM "deferrals" p WHERE p."id" = c."deferral_id" AND c."tenant_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "deferral_events" ALTER COLUMN "tenant_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "deferral_events" ADD CONSTRAINT "deferral_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id");
--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD COLUMN IF NOT EXISTS "tenant_id" uuid;
--> statement-breakpoint
UPDATE "evaluation_items" c SET "tenant_id" = p."tenant_id" FROM "self_evaluations" p WHERE p."id" = c."evaluation_id" AND c."tenant_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "evaluation_items" ALTER COLUMN "tenant_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id");
