ALTER TABLE "export_tasks" ADD COLUMN IF NOT EXISTS "heartbeat_at" timestamp (3) with time zone;
--> statement-breakpoint
UPDATE "export_tasks" SET "heartbeat_at" = "created_at" WHERE "heartbeat_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "export_tasks" ALTER COLUMN "heartbeat_at" SET NOT NULL;
