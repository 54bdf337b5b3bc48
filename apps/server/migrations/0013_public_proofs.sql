CREATE TABLE IF NOT EXISTS "proof_failures" (
	"bucket" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "rating_codes" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rating_codes_pkey" PRIMARY KEY ("tenant_id", "subject_kind", "subject_id")
);
