-- 大厅统计 over a whole year must answer in under a second (issue 13). Scanning service_cases
-- (wide rows: names, ID numbers, notes) and sorting 767,227 times twice per request did not.
-- This table keeps, per hall × business day × item × window × clerk, the cell's wait and service
-- seconds as arrays: counts and averages are exact, and P90 stays an exact percentile_cont over the
-- unnested values of the cells in range (a tenth of the bytes of the base table to read).
-- Triggers on service_cases keep it in step, so no writer can forget it.
CREATE TABLE IF NOT EXISTS "hall_case_cells" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "hall_id" uuid NOT NULL,
  "scope_path" text NOT NULL,
  "hall_level" text NOT NULL,
  "day" date NOT NULL,
  "item_code" text NOT NULL,
  "window_name" text NOT NULL,
  "staff_name" text NOT NULL,
  "waits" integer[] NOT NULL,
  "services" integer[] NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "hall_case_cells_uq" ON "hall_case_cells" USING btree
  ("tenant_id", "hall_id", "day", "item_code", "window_name", "staff_name", "scope_path", "hall_level");
--> statement-breakpoint
-- A bulk load sets zhengwu.cells_deferred in its transactions and rebuilds the cells once at its
-- end (rebuildCaseCells): per chunk, the upserts cost the embedded load about a third more time.
CREATE OR REPLACE FUNCTION hall_case_cells_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('zhengwu.cells_deferred', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO hall_case_cells AS c
    (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services)
  SELECT tenant_id, hall_id, scope_path, hall_level, (finished_at AT TIME ZONE 'Asia/Shanghai')::date,
         item_code, window_name, staff_name, array_agg(wait_seconds), array_agg(service_seconds)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (tenant_id, hall_id, day, item_code, window_name, staff_name, scope_path, hall_level)
  DO UPDATE SET waits = c.waits || excluded.waits, services = c.services || excluded.services;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rebuilds the given cells from service_cases (after a delete, or an update that moved a case).
CREATE OR REPLACE FUNCTION hall_case_cells_rebuild(cells jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM hall_case_cells c
  USING jsonb_to_recordset(cells) AS t(tenant_id uuid, hall_id uuid, scope_path text, hall_level text, day date,
    item_code text, window_name text, staff_name text)
  WHERE c.tenant_id = t.tenant_id AND c.hall_id = t.hall_id AND c.day = t.day AND c.item_code = t.item_code
    AND c.window_name = t.window_name AND c.staff_name = t.staff_name AND c.scope_path = t.scope_path
    AND c.hall_level = t.hall_level;
  INSERT INTO hall_case_cells
    (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services)
  SELECT s.tenant_id, s.hall_id, s.scope_path, s.hall_level, t.day, s.item_code, s.window_name, s.staff_name,
         array_agg(s.wait_seconds), array_agg(s.service_seconds)
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
CREATE OR REPLACE FUNCTION hall_case_cells_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hall_case_cells_rebuild(coalesce((
    SELECT jsonb_agg(DISTINCT jsonb_build_object('tenant_id', tenant_id, 'hall_id', hall_id,
      'scope_path', scope_path, 'hall_level', hall_level,
      'day', (finished_at AT TIME ZONE 'Asia/Shanghai')::date, 'item_code', item_code,
      'window_name', window_name, 'staff_name', staff_name))
    FROM old_rows), '[]'::jsonb));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Row-level with a WHEN: numbering or a result change (the usual updates) never reaches it.
CREATE OR REPLACE FUNCTION hall_case_cells_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hall_case_cells_rebuild(jsonb_build_array(
    jsonb_build_object('tenant_id', OLD.tenant_id, 'hall_id', OLD.hall_id, 'scope_path', OLD.scope_path,
      'hall_level', OLD.hall_level, 'day', (OLD.finished_at AT TIME ZONE 'Asia/Shanghai')::date,
      'item_code', OLD.item_code, 'window_name', OLD.window_name, 'staff_name', OLD.staff_name),
    jsonb_build_object('tenant_id', NEW.tenant_id, 'hall_id', NEW.hall_id, 'scope_path', NEW.scope_path,
      'hall_level', NEW.hall_level, 'day', (NEW.finished_at AT TIME ZONE 'Asia/Shanghai')::date,
      'item_code', NEW.item_code, 'window_name', NEW.window_name, 'staff_name', NEW.staff_name)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hall_case_cells_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM hall_case_cells;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS service_cases_cells_add ON service_cases;
--> statement-breakpoint
CREATE TRIGGER service_cases_cells_add AFTER INSERT ON service_cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hall_case_cells_add();
--> statement-breakpoint
DROP TRIGGER IF EXISTS service_cases_cells_removed ON service_cases;
--> statement-breakpoint
CREATE TRIGGER service_cases_cells_removed AFTER DELETE ON service_cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hall_case_cells_removed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS service_cases_cells_moved ON service_cases;
--> statement-breakpoint
CREATE TRIGGER service_cases_cells_moved AFTER UPDATE ON service_cases FOR EACH ROW
  WHEN ((OLD.tenant_id, OLD.hall_id, OLD.scope_path, OLD.hall_level, OLD.finished_at, OLD.item_code,
         OLD.window_name, OLD.staff_name, OLD.wait_seconds, OLD.service_seconds)
    IS DISTINCT FROM (NEW.tenant_id, NEW.hall_id, NEW.scope_path, NEW.hall_level, NEW.finished_at, NEW.item_code,
         NEW.window_name, NEW.staff_name, NEW.wait_seconds, NEW.service_seconds))
  EXECUTE FUNCTION hall_case_cells_moved();
--> statement-breakpoint
DROP TRIGGER IF EXISTS service_cases_cells_cleared ON service_cases;
--> statement-breakpoint
CREATE TRIGGER service_cases_cells_cleared AFTER TRUNCATE ON service_cases
  FOR EACH STATEMENT EXECUTE FUNCTION hall_case_cells_cleared();
--> statement-breakpoint
-- Fire even where a bulk clean-up sets session_replication_role = replica to skip key checks.
ALTER TABLE service_cases ENABLE ALWAYS TRIGGER service_cases_cells_add;
--> statement-breakpoint
ALTER TABLE service_cases ENABLE ALWAYS TRIGGER service_cases_cells_removed;
--> statement-breakpoint
ALTER TABLE service_cases ENABLE ALWAYS TRIGGER service_cases_cells_moved;
--> statement-breakpoint
ALTER TABLE service_cases ENABLE ALWAYS TRIGGER service_cases_cells_cleared;
--> statement-breakpoint
INSERT INTO hall_case_cells
  (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services)
SELECT tenant_id, hall_id, scope_path, hall_level, (finished_at AT TIME ZONE 'Asia/Shanghai')::date,
       item_code, window_name, staff_name, array_agg(wait_seconds), array_agg(service_seconds)
FROM service_cases GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
ON CONFLICT DO NOTHING;
--> statement-breakpoint
ANALYZE hall_case_cells;
