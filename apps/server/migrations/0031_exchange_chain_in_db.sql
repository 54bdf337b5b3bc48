-- The exchange log's links are made and checked by the database: a BEFORE INSERT trigger takes the
-- tenant's chain head under a row lock, numbers the row and hashes it; `exchange verify` recomputes
-- every hash in one statement. Hashing in the server process meant reading every row back to it,
-- which kept a million-link check well over the 10 s target.
CREATE FUNCTION exchange_link_hash(r data_exchange_log) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(r.prev_hash || E'\n' || json_build_array(
    r.id, r.tenant_id, r.seq, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.consumer_unit_id, r.consumer_path, r.provider_path, r.grant_id, r.resource_id, r.resource_code,
    r.fields, r.filter, r.rows_returned, r.request_id, r.outcome, r.reason)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION data_exchange_log_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, head INTO head_seq, head_hash FROM data_exchange_chains WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO data_exchange_chains (tenant_id, seq, head) VALUES (NEW.tenant_id, 0, '')
      ON CONFLICT (tenant_id) DO NOTHING;
    SELECT seq, head INTO head_seq, head_hash FROM data_exchange_chains WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  END IF;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := exchange_link_hash(NEW);
  UPDATE data_exchange_chains SET seq = NEW.seq, head = NEW.hash WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER data_exchange_log_link BEFORE INSERT ON data_exchange_log
  FOR EACH ROW EXECUTE FUNCTION data_exchange_log_link();
