-- 数据资源目录与共享交换 (issue 15): the catalog of information resources and its versions, the
-- information-system inventory, batches and stored rows, requests and grants, and the exchange log.
CREATE TABLE "data_resources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"provider_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
	"scope_path" text NOT NULL,
	"summary" text NOT NULL,
	"classification" text NOT NULL,
	"subclass" text NOT NULL,
	"format" text NOT NULL,
	"share_type" text NOT NULL,
	"share_condition" text NOT NULL,
	"share_method" text NOT NULL,
	"open_type" text NOT NULL,
	"update_cycle" text NOT NULL,
	"published_on" date NOT NULL,
	"fields" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "data_resources_code_uq" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
CREATE INDEX "data_resources_scope_idx" ON "data_resources" USING btree ("tenant_id","scope_path" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "data_resource_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"resource_id" uuid NOT NULL REFERENCES "data_resources"("id"),
	"version" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"diff" jsonb NOT NULL,
	CONSTRAINT "data_resource_versions_uq" UNIQUE("resource_id","version")
);
--> statement-breakpoint
CREATE TABLE "data_systems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"name" text NOT NULL,
	"owner_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
	"scope_path" text NOT NULL,
	"on_gov_cloud" boolean NOT NULL,
	"protection_level" integer NOT NULL,
	"provides" text[] NOT NULL,
	"consumes" text[] NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "data_systems_scope_idx" ON "data_systems" USING btree ("tenant_id","scope_path" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "data_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"resource_id" uuid NOT NULL REFERENCES "data_resources"("id"),
	"batch_id" text NOT NULL,
	"mode" text NOT NULL,
	"received" integer NOT NULL,
	"accepted" integer NOT NULL,
	"quarantined" integer NOT NULL,
	"checksum" text NOT NULL,
	"quarantine" jsonb NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "data_batches_batch_uq" UNIQUE("resource_id","batch_id")
);
--> statement-breakpoint
CREATE INDEX "data_batches_resource_idx" ON "data_batches" USING btree ("resource_id","received_at");
--> statement-breakpoint
CREATE TABLE "data_rows" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"resource_id" uuid NOT NULL REFERENCES "data_resources"("id"),
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"batch_id" uuid NOT NULL,
	CONSTRAINT "data_rows_pk" PRIMARY KEY("resource_id","key")
);
--> statement-breakpoint
-- A filtered page: containment on the row's jsonb (GIN), ordered by key within the resource (the PK).
CREATE INDEX "data_rows_data_idx" ON "data_rows" USING gin ("data" jsonb_path_ops);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"resource_id" uuid NOT NULL REFERENCES "data_resources"("id"),
	"consumer_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
	"consumer_path" text NOT NULL,
	"provider_path" text NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"fields" text[] NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp (3) with time zone,
	"decided_at" timestamp (3) with time zone,
	"decided_by" text,
	"decision_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "data_requests_consumer_idx" ON "data_requests" USING btree ("tenant_id","consumer_path" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "data_requests_provider_idx" ON "data_requests" USING btree ("tenant_id","provider_path" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "data_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"request_id" uuid NOT NULL REFERENCES "data_requests"("id"),
	"resource_id" uuid NOT NULL REFERENCES "data_resources"("id"),
	"consumer_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
	"consumer_path" text NOT NULL,
	"provider_path" text NOT NULL,
	"fields" text[] NOT NULL,
	"personal" boolean NOT NULL,
	"conditions" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"revoke_reason" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "data_grants_request_uq" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE INDEX "data_grants_consumer_idx" ON "data_grants" USING btree ("tenant_id","consumer_path" text_pattern_ops);
--> statement-breakpoint
-- A data-service credential is an API key bound to one grant.
ALTER TABLE "api_keys" ADD COLUMN "grant_id" uuid REFERENCES "data_grants"("id");
--> statement-breakpoint
CREATE TABLE "data_exchange_chains" (
	"tenant_id" uuid PRIMARY KEY NOT NULL REFERENCES "tenants"("id"),
	"seq" bigint NOT NULL,
	"head" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_exchange_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"seq" bigint NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"consumer_unit_id" uuid NOT NULL,
	"consumer_path" text NOT NULL,
	"provider_path" text NOT NULL,
	"grant_id" uuid,
	"resource_id" uuid NOT NULL,
	"resource_code" text NOT NULL,
	"fields" text[] NOT NULL,
	"filter" jsonb NOT NULL,
	"rows_returned" integer NOT NULL,
	"request_id" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "data_exchange_log_seq_uq" UNIQUE("tenant_id","seq")
);
--> statement-breakpoint
CREATE INDEX "data_exchange_log_consumer_idx" ON "data_exchange_log" USING btree ("tenant_id","consumer_path" text_pattern_ops, "at");
--> statement-breakpoint
CREATE INDEX "data_exchange_log_provider_idx" ON "data_exchange_log" USING btree ("tenant_id","provider_path" text_pattern_ops, "at");
--> statement-breakpoint
-- Append-only like the audit log (0001, 0014): tampering needs the triggers off, and then the chain shows it.
CREATE FUNCTION data_exchange_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER data_exchange_log_no_update_delete BEFORE UPDATE OR DELETE ON data_exchange_log
  FOR EACH ROW EXECUTE FUNCTION data_exchange_append_only();
--> statement-breakpoint
CREATE TRIGGER data_exchange_log_no_truncate BEFORE TRUNCATE ON data_exchange_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
--> statement-breakpoint
CREATE TRIGGER data_exchange_chains_no_truncate BEFORE TRUNCATE ON data_exchange_chains
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
