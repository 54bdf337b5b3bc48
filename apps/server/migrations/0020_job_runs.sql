CREATE TABLE IF NOT EXISTS "job_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"queue_job_id" text,
	"slot" timestamp (3) with time zone NOT NULL,
	"attempt" integer NOT NULL,
	"host" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"state" text NOT NULL,
	"error" text,
	"rows_affected" integer,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "job_runs_started_idx" ON "job_runs" USING btree ("started_at" DESC);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "job_runs_job_started_idx" ON "job_runs" USING btree ("job","started_at" DESC);
