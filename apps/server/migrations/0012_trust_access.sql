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
