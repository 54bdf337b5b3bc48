-- A batch lists at most its first 1,000 quarantined rows (a 100 MB file of bad rows made a batch
-- record, and every page of batches, as large as the file). The count of rows refused as duplicate
-- keys, which the quality report sums, was read from that list: it is kept in its own column now.
ALTER TABLE "data_batches" ADD COLUMN "duplicate_keys" integer NOT NULL DEFAULT 0;
--> statement-breakpoint
UPDATE "data_batches" SET "duplicate_keys" = (
  SELECT count(*) FROM jsonb_array_elements("quarantine") q
  WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(q->'errors') e WHERE e->>'message' LIKE '%重复')
) WHERE "quarantined" > 0;
