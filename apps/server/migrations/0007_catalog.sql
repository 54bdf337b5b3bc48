-- Trigram index for the public catalog search (Chinese substring search); pg_trgm ships with PGlite and PostgreSQL contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "catalog_bundle_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"bundle_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"changed_by" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"item_codes" text[] NOT NULL,
	CONSTRAINT "catalog_bundle_versions_uq" UNIQUE("bundle_id","version")
);
--> statement-breakpoint
CREATE TABLE "catalog_bundles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_bundles_code_uq" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "catalog_item_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"action" text NOT NULL,
	"changed_by" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"item_type" text NOT NULL,
	"department_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"implementing_body" text NOT NULL,
	"legal_basis" text NOT NULL,
	"exercise_level" text NOT NULL,
	"statutory_limit_days" integer NOT NULL,
	"promised_limit_days" integer NOT NULL,
	"place" text NOT NULL,
	"fees" text NOT NULL,
	"result" text NOT NULL,
	"visits_required" integer NOT NULL,
	"online_depth" text NOT NULL,
	"on_application" boolean NOT NULL,
	"materials_reduced" boolean NOT NULL,
	"bookable_town" boolean NOT NULL,
	"bookable_village" boolean NOT NULL,
	"is_deferrable" boolean NOT NULL,
	"policy_benefit" boolean NOT NULL,
	"cross_region_scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "catalog_item_versions_uq" UNIQUE("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_items_code_uq" UNIQUE("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "catalog_material_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"item_version_id" uuid NOT NULL,
	"sort" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"copies" integer NOT NULL,
	"source" text NOT NULL,
	"exempt_data_source" text,
	"is_required" boolean NOT NULL,
	"is_deferrable" boolean NOT NULL,
	"trust_level" text NOT NULL,
	"template" text NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_policy_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"granted_on" date NOT NULL,
	"beneficiary_kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_policy_cases_no_uq" UNIQUE("tenant_id","case_no")
);
--> statement-breakpoint
ALTER TABLE "catalog_bundle_versions" ADD CONSTRAINT "catalog_bundle_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_bundle_versions" ADD CONSTRAINT "catalog_bundle_versions_bundle_id_catalog_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."catalog_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_bundles" ADD CONSTRAINT "catalog_bundles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_material_versions" ADD CONSTRAINT "catalog_material_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_material_versions" ADD CONSTRAINT "catalog_material_versions_item_version_id_catalog_item_versions_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."catalog_item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_policy_cases" ADD CONSTRAINT "catalog_policy_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_policy_cases" ADD CONSTRAINT "catalog_policy_cases_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_bundle_versions_asof_idx" ON "catalog_bundle_versions" USING btree ("tenant_id","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "catalog_item_versions_asof_idx" ON "catalog_item_versions" USING btree ("tenant_id","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "catalog_item_versions_current_idx" ON "catalog_item_versions" USING btree ("tenant_id","code") WHERE "catalog_item_versions"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "catalog_item_versions_search_idx" ON "catalog_item_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_material_versions_item_idx" ON "catalog_material_versions" USING btree ("item_version_id","sort");--> statement-breakpoint
CREATE INDEX "catalog_policy_cases_item_idx" ON "catalog_policy_cases" USING btree ("tenant_id","item_id","granted_on");