CREATE TABLE IF NOT EXISTS "number_counters" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" bigint NOT NULL,
	CONSTRAINT "number_counters_pk" PRIMARY KEY("tenant_id","kind","year")
);
--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN IF NOT EXISTS "case_no" text;
--> statement-breakpoint
UPDATE "service_cases" s SET "case_no" = 'BJ' || n.y || '-' || lpad(n.rn::text, 7, '0')
FROM (
	SELECT id, extract(year FROM finished_at AT TIME ZONE 'Asia/Shanghai')::int AS y,
		row_number() OVER (PARTITION BY tenant_id, extract(year FROM finished_at AT TIME ZONE 'Asia/Shanghai') ORDER BY finished_at, id) AS rn
	FROM "service_cases" WHERE "case_no" IS NULL
) n WHERE s.id = n.id;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "service_cases_case_no_uq" ON "service_cases" ("case_no","tenant_id");
--> statement-breakpoint
UPDATE "work_orders" w SET "external_no" = 'RX' || n.y || '-' || lpad(n.rn::text, 7, '0')
FROM (
	SELECT id, extract(year FROM received_at AT TIME ZONE 'Asia/Shanghai')::int AS y,
		row_number() OVER (PARTITION BY tenant_id, extract(year FROM received_at AT TIME ZONE 'Asia/Shanghai') ORDER BY seq_no) AS rn
	FROM "work_orders" WHERE "external_no" IS NULL
) n WHERE w.id = n.id;
--> statement-breakpoint
INSERT INTO "number_counters" ("tenant_id","kind","year","last_value")
SELECT tenant_id, 'service_case', substr(case_no, 3, 4)::int, max(substr(case_no, 8)::bigint)
FROM "service_cases" WHERE case_no ~ '^BJ[0-9]{4}-[0-9]+$' GROUP BY 1, 2, 3
UNION ALL
SELECT tenant_id, 'work_order', substr(external_no, 3, 4)::int, max(substr(external_no, 8)::bigint)
FROM "work_orders" WHERE external_no ~ '^RX[0-9]{4}-[0-9]+$' GROUP BY 1, 2, 3
ON CONFLICT ("tenant_id","kind","year") DO UPDATE SET "last_value" = greatest("number_counters"."last_value", excluded."last_value");
