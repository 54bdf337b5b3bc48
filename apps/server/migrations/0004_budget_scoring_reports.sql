CREATE TABLE "budget_project_months" (
	"project_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"executed_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "budget_project_months_project_id_month_pk" PRIMARY KEY("project_id","month")
);
--> statement-breakpoint
CREATE TABLE "budget_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"fund_type" text NOT NULL,
	"budget_fen" bigint DEFAULT 0 NOT NULL,
	"adjustment_fen" bigint DEFAULT 0 NOT NULL,
	"executed_fen" bigint DEFAULT 0 NOT NULL,
	"carry_over_fen" bigint DEFAULT 0 NOT NULL,
	"sort_no" integer NOT NULL,
	CONSTRAINT "budget_projects_code_uq" UNIQUE("year_id","code")
);
--> statement-breakpoint
CREATE TABLE "budget_revenues" (
	"year_id" uuid NOT NULL,
	"source" text NOT NULL,
	"budget_fen" bigint DEFAULT 0 NOT NULL,
	"actual_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "budget_revenues_year_id_source_pk" PRIMARY KEY("year_id","source")
);
--> statement-breakpoint
CREATE TABLE "budget_years" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"year" integer NOT NULL,
	"basic_budget_fen" bigint DEFAULT 0 NOT NULL,
	"basic_executed_fen" bigint DEFAULT 0 NOT NULL,
	"public_funds_budget_fen" bigint DEFAULT 0 NOT NULL,
	"public_funds_actual_fen" bigint DEFAULT 0 NOT NULL,
	"three_public_budget_fen" bigint DEFAULT 0 NOT NULL,
	"three_public_actual_fen" bigint DEFAULT 0 NOT NULL,
	"procurement_plan_fen" bigint DEFAULT 0 NOT NULL,
	"procurement_actual_fen" bigint DEFAULT 0 NOT NULL,
	"fixed_assets_total_fen" bigint DEFAULT 0 NOT NULL,
	"fixed_assets_in_use_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_years_uq" UNIQUE("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "performance_facts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"source_note" text NOT NULL,
	"evidence_name" text,
	"evidence_type" text,
	"evidence" "bytea",
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_facts_key_uq" UNIQUE("year_id","key")
);
--> statement-breakpoint
CREATE TABLE "performance_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"comparator" text NOT NULL,
	"target" double precision NOT NULL,
	"unit" text NOT NULL,
	"actual" double precision,
	"sort_no" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_paragraphs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_paragraphs_uq" UNIQUE("tenant_id","year","key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"max_points" double precision NOT NULL,
	"min_points" double precision DEFAULT 0 NOT NULL,
	"rule" text NOT NULL,
	"rule_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"score" double precision,
	"justification" text,
	"sort_no" integer NOT NULL,
	CONSTRAINT "evaluation_items_code_uq" UNIQUE("evaluation_id","code")
);
--> statement-breakpoint
CREATE TABLE "self_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb,
	"content_hash" text,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_evaluations_version_uq" UNIQUE("year_id","version")
);
--> statement-breakpoint
ALTER TABLE "budget_project_months" ADD CONSTRAINT "budget_project_months_project_id_budget_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budget_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projects" ADD CONSTRAINT "budget_projects_year_id_budget_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."budget_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_revenues" ADD CONSTRAINT "budget_revenues_year_id_budget_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."budget_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_years" ADD CONSTRAINT "budget_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_facts" ADD CONSTRAINT "performance_facts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_facts" ADD CONSTRAINT "performance_facts_year_id_budget_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."budget_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_indicators" ADD CONSTRAINT "performance_indicators_project_id_budget_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budget_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_paragraphs" ADD CONSTRAINT "report_paragraphs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_items" ADD CONSTRAINT "evaluation_items_evaluation_id_self_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluations" ADD CONSTRAINT "self_evaluations_year_id_budget_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."budget_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_years_scope_idx" ON "budget_years" USING btree ("tenant_id","scope_path");