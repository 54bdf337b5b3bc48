import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import {
  budgetProjectMonths,
  budgetProjects,
  budgetRevenues,
  budgetYears,
  performanceFacts,
  performanceIndicators,
} from "./budget.schema.ts";

export type BudgetYearRow = typeof budgetYears.$inferSelect;
export type ProjectRow = typeof budgetProjects.$inferSelect;
export type IndicatorRow = typeof performanceIndicators.$inferSelect;
export type RevenueRow = typeof budgetRevenues.$inferSelect;
export type FactRow = Omit<typeof performanceFacts.$inferSelect, "evidence">;

/** Everything recorded for one fiscal year, read in one go (a year has tens of projects). */
export type YearData = {
  year: BudgetYearRow;
  orgUnitName: string;
  revenues: RevenueRow[];
  projects: ProjectRow[];
  months: Map<string, number[]>;
  indicators: Map<string, IndicatorRow[]>;
  facts: FactRow[];
};

// pg hands back bigint as strings; PGlite as numbers.
const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const fixYear = (r: BudgetYearRow): BudgetYearRow => ({
  ...r,
  basicBudgetFen: num(r.basicBudgetFen),
  basicExecutedFen: num(r.basicExecutedFen),
  publicFundsBudgetFen: num(r.publicFundsBudgetFen),
  publicFundsActualFen: num(r.publicFundsActualFen),
  threePublicBudgetFen: num(r.threePublicBudgetFen),
  threePublicActualFen: num(r.threePublicActualFen),
  procurementPlanFen: num(r.procurementPlanFen),
  procurementActualFen: num(r.procurementActualFen),
  fixedAssetsTotalFen: num(r.fixedAssetsTotalFen),
  fixedAssetsInUseFen: num(r.fixedAssetsInUseFen),
  finalRevenueFen: numOrNull(r.finalRevenueFen),
  finalOpeningBalanceFen: numOrNull(r.finalOpeningBalanceFen),
  finalExpenditureFen: numOrNull(r.finalExpenditureFen),
  finalBasicFen: numOrNull(r.finalBasicFen),
  finalProjectFen: numOrNull(r.finalProjectFen),
  finalClosingBalanceFen: numOrNull(r.finalClosingBalanceFen),
});
const fixProject = (r: ProjectRow): ProjectRow => ({
  ...r,
  budgetFen: num(r.budgetFen),
  adjustmentFen: num(r.adjustmentFen),
  executedFen: num(r.executedFen),
  carryOverFen: num(r.carryOverFen),
});

export async function findYearRows(db: Db, tenantId: string): Promise<BudgetYearRow[]> {
  const rows = await db
    .select()
    .from(budgetYears)
    .where(eq(budgetYears.tenantId, tenantId))
    .orderBy(asc(budgetYears.year));
  return rows.map(fixYear);
}

export async function findYearRow(db: Db, tenantId: string, year: number): Promise<BudgetYearRow | undefined> {
  const [row] = await db
    .select()
    .from(budgetYears)
    .where(and(eq(budgetYears.tenantId, tenantId), eq(budgetYears.year, year)));
  return row ? fixYear(row) : undefined;
}

export async function loadYearData(db: Db, tenantId: string, year: number): Promise<YearData | undefined> {
  const row = await findYearRow(db, tenantId, year);
  if (!row) {
    return undefined;
  }
  const [unit] = await queryRows<{ name: string }>(db, sql`select name from org_units where id = ${row.orgUnitId}`);
  const revenues = (
    await db
      .select()
      .from(budgetRevenues)
      .where(and(eq(budgetRevenues.tenantId, tenantId), eq(budgetRevenues.yearId, row.id)))
  ).map((r) => ({
    ...r,
    budgetFen: num(r.budgetFen),
    actualFen: num(r.actualFen),
  }));
  const projects = (
    await db.select().from(budgetProjects).where(eq(budgetProjects.yearId, row.id)).orderBy(asc(budgetProjects.sortNo))
  ).map(fixProject);
  const ids = projects.map((p) => p.id);
  const months = new Map<string, number[]>();
  const indicators = new Map<string, IndicatorRow[]>();
  if (ids.length > 0) {
    const monthRows = await db
      .select()
      .from(budgetProjectMonths)
      .where(and(eq(budgetProjectMonths.tenantId, tenantId), inArray(budgetProjectMonths.projectId, ids)))
      .orderBy(asc(budgetProjectMonths.month));
    for (const m of monthRows) {
      const list = months.get(m.projectId) ?? new Array<number>(12).fill(0);
      list[m.month - 1] = num(m.executedFen);
      months.set(m.projectId, list);
    }
    const indRows = await db
      .select()
      .from(performanceIndicators)
      .where(and(eq(performanceIndicators.tenantId, tenantId), inArray(performanceIndicators.projectId, ids)))
      .orderBy(asc(performanceIndicators.sortNo));
    for (const i of indRows) {
      indicators.set(i.projectId, [...(indicators.get(i.projectId) ?? []), i]);
    }
  }
  const { evidence: _omit, ...factColumns } = getTableColumns(performanceFacts);
  const facts = await db
    .select(factColumns)
    .from(performanceFacts)
    .where(eq(performanceFacts.yearId, row.id))
    .orderBy(asc(performanceFacts.createdAt));
  return { year: row, orgUnitName: unit?.name ?? "", revenues, projects, months, indicators, facts };
}

export async function upsertYearRow(db: Db, row: typeof budgetYears.$inferInsert): Promise<void> {
  const { id: _id, tenantId: _t, year: _y, ...set } = row;
  await db
    .insert(budgetYears)
    .values(row)
    .onConflictDoUpdate({ target: [budgetYears.tenantId, budgetYears.year], set: { ...set, updatedAt: new Date() } });
}

export async function replaceRevenues(
  db: Db,
  tenantId: string,
  yearId: string,
  rows: Array<Omit<typeof budgetRevenues.$inferInsert, "tenantId" | "yearId">>,
) {
  await db.delete(budgetRevenues).where(and(eq(budgetRevenues.tenantId, tenantId), eq(budgetRevenues.yearId, yearId)));
  if (rows.length > 0) {
    await db.insert(budgetRevenues).values(rows.map((r) => ({ ...r, tenantId, yearId })));
  }
}

export async function findProject(db: Db, tenantId: string, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(budgetProjects)
    .where(and(eq(budgetProjects.tenantId, tenantId), eq(budgetProjects.id, id)));
  return row ? fixProject(row) : undefined;
}

export async function nextProjectSort(db: Db, yearId: string): Promise<number> {
  const [r] = await queryRows<{ n: unknown }>(
    db,
    sql`select coalesce(max(sort_no), 0) + 1 as n from budget_projects where year_id = ${yearId}`,
  );
  return num(r?.n);
}

/** Writes a project with its months and indicators, replacing what it had. */
export async function saveProject(
  db: Db,
  row: typeof budgetProjects.$inferInsert & { id: string },
  months: number[] | null,
  indicators: Array<Omit<typeof performanceIndicators.$inferInsert, "projectId" | "tenantId">>,
): Promise<void> {
  const { id: _id, ...set } = row;
  const { tenantId } = row;
  await db.insert(budgetProjects).values(row).onConflictDoUpdate({ target: budgetProjects.id, set });
  await db
    .delete(budgetProjectMonths)
    .where(and(eq(budgetProjectMonths.tenantId, tenantId), eq(budgetProjectMonths.projectId, row.id)));
  if (months) {
    await db
      .insert(budgetProjectMonths)
      .values(months.map((executedFen, i) => ({ tenantId, projectId: row.id, month: i + 1, executedFen })));
  }
  await db
    .delete(performanceIndicators)
    .where(and(eq(performanceIndicators.tenantId, tenantId), eq(performanceIndicators.projectId, row.id)));
  if (indicators.length > 0) {
    await db.insert(performanceIndicators).values(indicators.map((i) => ({ ...i, tenantId, projectId: row.id })));
  }
}

export async function deleteProjectRows(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .delete(budgetProjectMonths)
    .where(and(eq(budgetProjectMonths.tenantId, tenantId), eq(budgetProjectMonths.projectId, id)));
  await db
    .delete(performanceIndicators)
    .where(and(eq(performanceIndicators.tenantId, tenantId), eq(performanceIndicators.projectId, id)));
  await db.delete(budgetProjects).where(and(eq(budgetProjects.tenantId, tenantId), eq(budgetProjects.id, id)));
}

export async function deleteYearProjects(db: Db, tenantId: string, yearId: string): Promise<void> {
  const ids = sql`(select id from budget_projects where tenant_id = ${tenantId} and year_id = ${yearId})`;
  await db.execute(sql`delete from budget_project_months where tenant_id = ${tenantId} and project_id in ${ids}`);
  await db.execute(sql`delete from performance_indicators where tenant_id = ${tenantId} and project_id in ${ids}`);
  await db.delete(budgetProjects).where(and(eq(budgetProjects.tenantId, tenantId), eq(budgetProjects.yearId, yearId)));
}

export async function insertFact(db: Db, row: typeof performanceFacts.$inferInsert): Promise<void> {
  await db.insert(performanceFacts).values(row);
}

export async function findFactEvidence(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      yearId: performanceFacts.yearId,
      name: performanceFacts.evidenceName,
      type: performanceFacts.evidenceType,
      data: performanceFacts.evidence,
    })
    .from(performanceFacts)
    .where(and(eq(performanceFacts.tenantId, tenantId), eq(performanceFacts.id, id)));
  return row;
}

export async function findYearById(db: Db, tenantId: string, id: string): Promise<BudgetYearRow | undefined> {
  const [row] = await db
    .select()
    .from(budgetYears)
    .where(and(eq(budgetYears.tenantId, tenantId), eq(budgetYears.id, id)));
  return row ? fixYear(row) : undefined;
}

/** Sets the year's 决算 statement as an import states it. */
export async function updateFinalAccounts(
  db: Db,
  tenantId: string,
  yearId: string,
  values: Pick<
    BudgetYearRow,
    | "finalRevenueFen"
    | "finalOpeningBalanceFen"
    | "finalExpenditureFen"
    | "finalBasicFen"
    | "finalProjectFen"
    | "finalClosingBalanceFen"
  >,
): Promise<void> {
  await db
    .update(budgetYears)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(budgetYears.tenantId, tenantId), eq(budgetYears.id, yearId)));
}
