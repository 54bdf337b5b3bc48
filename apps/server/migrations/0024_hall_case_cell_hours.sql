-- 大厅统计's wait charts (issue 17): waits by the hour of day (Beijing) the visitor took a ticket.
-- Scanning service_cases for a year took about 3 s on the embedded engine, so each cell keeps,
-- beside its wait seconds, the check-in hour of each case in the same order (`hours[i]` belongs to
-- `waits[i]`): array_agg over the same rows in one pass keeps the two aligned, and so does the
-- upsert's concatenation. A case's check-in time never changes after it is written, so the update
-- trigger's condition (0022) needs no change.
ALTER TABLE "hall_case_cells" ADD COLUMN IF NOT EXISTS "hours" smallint[];
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hall_case_cells_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('zhengwu.cells_deferred', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO hall_case_cells AS c
    (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services, hours)
  SELECT tenant_id, hall_id, scope_path, hall_level, (finished_at AT TIME ZONE 'Asia/Shanghai')::date,
         item_code, window_name, staff_name, array_agg(wait_seconds), array_agg(service_seconds),
         array_agg(extract(hour FROM checked_in_at AT TIME ZONE 'Asia/Shanghai')::smallint)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (tenant_id, hall_id, day, item_code, window_name, staff_name, scope_path, hall_level)
  DO UPDATE SET waits = c.waits || excluded.waits, services = c.services || excluded.services,
    hours = c.hours || excluded.hours;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hall_case_cells_rebuild(cells jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM hall_case_cells c
  USING jsonb_to_recordset(cells) AS t(tenant_id uuid, hall_id uuid, scope_path text, hall_level text, day date,
    item_code text, window_name text, staff_name text)
  WHERE c.tenant_id = t.tenant_id AND c.hall_id = t.hall_id AND c.day = t.day AND c.item_code = t.item_code
    AND c.window_name = t.window_name AND c.staff_name = t.staff_name AND c.scope_path = t.scope_path
    AND c.hall_level = t.hall_level;
  INSERT INTO hall_case_cells
    (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services, hours)
  SELECT s.tenant_id, s.hall_id, s.scope_path, s.hall_level, t.day, s.item_code, s.window_name, s.staff_name,
         array_agg(s.wait_seconds), array_agg(s.service_seconds),
         array_agg(extract(hour FROM s.checked_in_at AT TIME ZONE 'Asia/Shanghai')::smallint)
  FROM (SELECT DISTINCT * FROM jsonb_to_recordset(cells) AS r(tenant_id uuid, hall_id uuid, scope_path text,
          hall_level text, day date, item_code text, window_name text, staff_name text)) t
  JOIN service_cases s ON s.tenant_id = t.tenant_id AND s.hall_id = t.hall_id
    AND s.finished_at >= (t.day::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND s.finished_at < ((t.day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND s.item_code = t.item_code AND s.window_name = t.window_name AND s.staff_name = t.staff_name
    AND s.scope_path = t.scope_path AND s.hall_level = t.hall_level
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;
--> statement-breakpoint
-- The cells written before this migration are rebuilt whole, their hours aligned with their waits.
DELETE FROM hall_case_cells;
--> statement-breakpoint
INSERT INTO hall_case_cells
  (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services, hours)
SELECT tenant_id, hall_id, scope_path, hall_level, (finished_at AT TIME ZONE 'Asia/Shanghai')::date,
       item_code, window_name, staff_name, array_agg(wait_seconds), array_agg(service_seconds),
       array_agg(extract(hour FROM checked_in_at AT TIME ZONE 'Asia/Shanghai')::smallint)
FROM service_cases GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT DO NOTHING;
--> statement-breakpoint
ANALYZE hall_case_cells;
