-- The report counts 差评整改 (131 tickets), 两代表一委员 (913) and AI 网格事件 (22,009) among 311,357
-- tickets of the demo year; without an index each count read the whole table (0.3–0.9 s on PGlite).
CREATE INDEX IF NOT EXISTS "work_orders_kind_idx" ON "work_orders" USING btree ("tenant_id","kind","received_at");
--> statement-breakpoint
-- A campaign's tickets (the 涉整改 campaign: a few thousand) are found by their tag, not by reading the year.
CREATE INDEX IF NOT EXISTS "work_orders_campaign_idx" ON "work_orders" USING gin ("campaign_tags");
