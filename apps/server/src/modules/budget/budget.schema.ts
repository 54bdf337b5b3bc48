import {
  bigint,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
/** Money is integer 分 everywhere; shown as 万元 with two decimals. */
const fen = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);
/** A figure as a statement states it; null while not entered. */
const statedFen = (name: string) => bigint(name, { mode: "number" });

/**
 * One department's fiscal year: the totals a self-evaluation scores (revenue, basic spending,
 * public and 三公 funds, procurement, fixed assets). Projects hang below it.
 */
export const budgetYears = pgTable(
  "budget_years",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    orgUnitId: uuid("org_unit_id").notNull(),
    scopePath: text("scope_path").notNull(),
    year: integer("year").notNull(),
    basicBudgetFen: fen("basic_budget_fen"),
    basicExecutedFen: fen("basic_executed_fen"),
    publicFundsBudgetFen: fen("public_funds_budget_fen"),
    publicFundsActualFen: fen("public_funds_actual_fen"),
    threePublicBudgetFen: fen("three_public_budget_fen"),
    threePublicActualFen: fen("three_public_actual_fen"),
    procurementPlanFen: fen("procurement_plan_fen"),
    procurementActualFen: fen("procurement_actual_fen"),
    fixedAssetsTotalFen: fen("fixed_assets_total_fen"),
    fixedAssetsInUseFen: fen("fixed_assets_in_use_fen"),
    // The 决算 statement's totals as entered: the report states these, and checks the records against them.
    finalRevenueFen: statedFen("final_revenue_fen"),
    finalOpeningBalanceFen: statedFen("final_opening_balance_fen"),
    finalExpenditureFen: statedFen("final_expenditure_fen"),
    finalBasicFen: statedFen("final_basic_fen"),
    finalProjectFen: statedFen("final_project_fen"),
    finalClosingBalanceFen: statedFen("final_closing_balance_fen"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("budget_years_uq").on(t.tenantId, t.year),
    index("budget_years_scope_idx").on(t.tenantId, t.scopePath),
  ],
);

/** Revenue by source: 年初预算 (budget) and 决算 (actual). */
export const budgetRevenues = pgTable(
  "budget_revenues",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    yearId: uuid("year_id")
      .notNull()
      .references(() => budgetYears.id),
    source: text("source").notNull(),
    budgetFen: fen("budget_fen"),
    actualFen: fen("actual_fen"),
  },
  (t) => [primaryKey({ columns: [t.yearId, t.source] })],
);

/** 一级/二级 budget projects; level-2 projects carry the money, level-1 ones group them. */
export const budgetProjects = pgTable(
  "budget_projects",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    yearId: uuid("year_id")
      .notNull()
      .references(() => budgetYears.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: integer("level").notNull(),
    parentCode: text("parent_code"),
    fundType: text("fund_type").notNull(),
    budgetFen: fen("budget_fen"),
    adjustmentFen: fen("adjustment_fen"),
    executedFen: fen("executed_fen"),
    carryOverFen: fen("carry_over_fen"),
    sortNo: integer("sort_no").notNull(),
  },
  (t) => [unique("budget_projects_code_uq").on(t.yearId, t.code)],
);

export const budgetProjectMonths = pgTable(
  "budget_project_months",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    projectId: uuid("project_id")
      .notNull()
      .references(() => budgetProjects.id),
    month: integer("month").notNull(),
    executedFen: fen("executed_fen"),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.month] })],
);

/** A project's performance indicator: 产出 (数量/质量/时效/成本), 效益, 满意度. */
export const performanceIndicators = pgTable("performance_indicators", {
  id: uuid("id").primaryKey(),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id),
  projectId: uuid("project_id")
    .notNull()
    .references(() => budgetProjects.id),
  category: text("category").notNull(),
  name: text("name").notNull(),
  comparator: text("comparator").notNull(),
  target: doublePrecision("target").notNull(),
  unit: text("unit").notNull(),
  actual: doublePrecision("actual"),
  sortNo: integer("sort_no").notNull(),
});

/** Facts no module records (e.g. network exits, attacks blocked), kept with their source and evidence. */
export const performanceFacts = pgTable(
  "performance_facts",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    yearId: uuid("year_id")
      .notNull()
      .references(() => budgetYears.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    value: doublePrecision("value").notNull(),
    unit: text("unit").notNull(),
    sourceNote: text("source_note").notNull(),
    evidenceName: text("evidence_name"),
    evidenceType: text("evidence_type"),
    evidence: bytea("evidence"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("performance_facts_key_uq").on(t.yearId, t.key)],
);
