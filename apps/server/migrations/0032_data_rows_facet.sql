-- Ingest and the data service. The GIN index over every stored row's jsonb made each upload pay for
-- every field of every row (half of an upload's database time) and still could not give a filtered
-- page in key order: a 村居's 5,000 rows were fetched from 5,000 heap pages and sorted. A resource
-- now names one 信息项 as its 查询条件; its value is copied to "facet" on every write, and a page
-- filtered on it is a range of the index below, already in key order. Filters on other fields scan
-- the resource's rows (by the primary key's range).
DROP INDEX IF EXISTS "data_rows_data_idx";
--> statement-breakpoint
ALTER TABLE "data_rows" ADD COLUMN "facet" text;
--> statement-breakpoint
CREATE INDEX "data_rows_facet_idx" ON "data_rows" USING btree ("resource_id","facet","key") WHERE "facet" IS NOT NULL;
--> statement-breakpoint
-- Providers often send their whole table again (全量更新): free room on every page lets a row's new
-- version stay on its page without touching the indexes (a HOT update), which halves such a batch.
ALTER TABLE "data_rows" SET (fillfactor = 50);
--> statement-breakpoint
-- A new row paid two foreign-key triggers (tenant, resource) — as much again as storing it. Rows are
-- written only by the batch path, for a resource it has just loaded in the same transaction, and
-- neither resources nor tenants are ever deleted; the columns stay NOT NULL.
ALTER TABLE "data_rows" DROP CONSTRAINT IF EXISTS "data_rows_tenant_id_fkey";
--> statement-breakpoint
ALTER TABLE "data_rows" DROP CONSTRAINT IF EXISTS "data_rows_resource_id_fkey";
