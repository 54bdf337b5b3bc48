-- The row triggers of 0001 do not fire on TRUNCATE, which emptied the log without a trace. Refuse it
-- (for the chain heads too: emptying them hides a deleted tail). Someone able to disable triggers can
-- still do it; signed anchors outside the database (`zhengwu audit checkpoint`) detect that.
CREATE OR REPLACE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_chains_no_truncate ON audit_chains;
--> statement-breakpoint
CREATE TRIGGER audit_chains_no_truncate BEFORE TRUNCATE ON audit_chains
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
