import { randomUUID } from "node:crypto";
import type {
  BudgetYear,
  BudgetYearInput,
  FactInput,
  Project,
  ProjectInput,
} from "../../../../../packages/contracts/src/budget.ts";
import {
  FINAL_ACCOUNT_FIELDS,
  FundTypeSchema,
  IndicatorCategorySchema,
} from "../../../../../packages/contracts/src/budget.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { authorize, conflict, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getOrgUnit } from "../org/org.service.ts";
import { canEditBudget, canViewBudget } from "./budget.policy.ts";
import {
  type BudgetYearRow,
  deleteProjectRows,
  findFactEvidence,
  findProject,
  findYearById,
  findYearRow,
  findYearRows,
  insertFact,
  loadYearData,
  nextProjectSort,
  type ProjectRow,
  replaceRevenues,
  saveProject,
  upsertYearRow,
  type YearData,
} from "./budget.repo.ts";
import { indicatorMet, projectBudget, ratio, summarize } from "./budget-summary.ts";

const YEAR_FIELDS = [
  "basicBudgetFen",
  "basicExecutedFen",
  "publicFundsBudgetFen",
  "publicFundsActualFen",
  "threePublicBudgetFen",
  "threePublicActualFen",
  "procurementPlanFen",
  "procurementActualFen",
  "fixedAssetsTotalFen",
  "fixedAssetsInUseFen",
  ...FINAL_ACCOUNT_FIELDS,
] as const;

export function toProjectDto(p: ProjectRow, data: YearData): Project {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    level: p.level === 1 ? 1 : 2,
    parentCode: p.parentCode,
    fundType: FundTypeSchema.parse(p.fundType),
    budgetFen: p.budgetFen,
    adjustmentFen: p.adjustmentFen,
    executedFen: p.executedFen,
    carryOverFen: p.carryOverFen,
    months: data.months.get(p.id) ?? null,
    executionRate: ratio(p.executedFen, projectBudget(p)),
    indicators: (data.indicators.get(p.id) ?? []).map((i) => ({
      id: i.id,
      category: IndicatorCategorySchema.parse(i.category),
      name: i.name,
      comparator: i.comparator as Project["indicators"][number]["comparator"],
      target: i.target,
      unit: i.unit,
      actual: i.actual,
      met: indicatorMet(i),
    })),
  };
}

function toYearDto(ctx: Ctx, data: YearData): BudgetYear {
  const y = data.year;
  return {
    id: y.id,
    year: y.year,
    orgUnitId: y.orgUnitId,
    orgUnitName: data.orgUnitName,
    revenues: data.revenues.map((r) => ({
      source: r.source as BudgetYear["revenues"][number]["source"],
      budgetFen: r.budgetFen,
      actualFen: r.actualFen,
    })),
    ...Object.fromEntries(YEAR_FIELDS.map((f) => [f, y[f]])),
    summary: summarize(data),
    projects: data.projects.map((p) => toProjectDto(p, data)),
    facts: data.facts.map((f) => ({
      id: f.id,
      key: f.key,
      label: f.label,
      value: f.value,
      unit: f.unit,
      sourceNote: f.sourceNote,
      evidenceName: f.evidenceName,
      createdBy: f.createdBy,
      createdAt: f.createdAt.toISOString(),
    })),
    canEdit: canEditBudget(ctx.actor, y.scopePath),
  } as BudgetYear;
}

/** A year's rows and totals for readers inside the platform (scoring, reports); no actor scope. */
export async function readYearData(db: Db, tenantId: string, year: number) {
  const data = await loadYearData(db, tenantId, year);
  return data
    ? { data, summary: summarize(data), projects: data.projects.map((p) => toProjectDto(p, data)) }
    : undefined;
}

/** The year row by id when the actor may see it; `undefined` otherwise (callers answer 404). */
export async function viewableYearById(ctx: Ctx, yearId: string): Promise<BudgetYearRow | undefined> {
  const y = await findYearById(ctx.db, ctx.actor.tenantId, yearId);
  return y && canViewBudget(ctx.actor, y.scopePath) ? y : undefined;
}

/** @throws not_found */
export async function viewableYear(ctx: Ctx, year: number): Promise<BudgetYearRow> {
  return visibleYear(ctx, year);
}

async function visibleYear(ctx: Ctx, year: number): Promise<BudgetYearRow> {
  const row = await findYearRow(ctx.db, ctx.actor.tenantId, year);
  if (!row || !canViewBudget(ctx.actor, row.scopePath)) {
    throw notFound("budget_year");
  }
  return row;
}

export async function listBudgetYears(ctx: Ctx) {
  const rows = (await findYearRows(ctx.db, ctx.actor.tenantId)).filter((r) => canViewBudget(ctx.actor, r.scopePath));
  const out = [];
  for (const r of rows) {
    const data = await loadYearData(ctx.db, ctx.actor.tenantId, r.year);
    if (data) {
      out.push({ year: r.year, orgUnitName: data.orgUnitName, summary: summarize(data) });
    }
  }
  return out;
}

/** @throws not_found (no such year, or out of the actor's scope) */
export async function getBudgetYear(ctx: Ctx, year: number): Promise<BudgetYear> {
  await visibleYear(ctx, year);
  const data = await loadYearData(ctx.db, ctx.actor.tenantId, year);
  if (!data) {
    throw notFound("budget_year");
  }
  return toYearDto(ctx, data);
}

/** Creates or replaces a year's totals. @throws not_found (unit not visible), forbidden */
export async function saveBudgetYear(ctx: Ctx, year: number, input: BudgetYearInput): Promise<BudgetYear> {
  const unit = await getOrgUnit(ctx, input.orgUnitId);
  const existing = await findYearRow(ctx.db, ctx.actor.tenantId, year);
  if (existing && !canViewBudget(ctx.actor, existing.scopePath)) {
    throw notFound("budget_year");
  }
  const unitPath = unit.path;
  authorize(canEditBudget(ctx.actor, unitPath), "只有财务绩效专员可以维护本部门的预算");
  if (existing) {
    authorize(canEditBudget(ctx.actor, existing.scopePath), "只有财务绩效专员可以维护本部门的预算");
  }
  const id = existing?.id ?? randomUUID();
  await ctx.db.transaction(async (tx) => {
    await upsertYearRow(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      orgUnitId: unit.id,
      scopePath: unitPath,
      year,
      basicBudgetFen: input.basicBudgetFen,
      basicExecutedFen: input.basicExecutedFen,
      publicFundsBudgetFen: input.publicFundsBudgetFen,
      publicFundsActualFen: input.publicFundsActualFen,
      threePublicBudgetFen: input.threePublicBudgetFen,
      threePublicActualFen: input.threePublicActualFen,
      procurementPlanFen: input.procurementPlanFen,
      procurementActualFen: input.procurementActualFen,
      fixedAssetsTotalFen: input.fixedAssetsTotalFen,
      fixedAssetsInUseFen: input.fixedAssetsInUseFen,
      finalRevenueFen: input.finalRevenueFen ?? null,
      finalOpeningBalanceFen: input.finalOpeningBalanceFen ?? null,
      finalExpenditureFen: input.finalExpenditureFen ?? null,
      finalBasicFen: input.finalBasicFen ?? null,
      finalProjectFen: input.finalProjectFen ?? null,
      finalClosingBalanceFen: input.finalClosingBalanceFen ?? null,
    });
    await replaceRevenues(tx, ctx.actor.tenantId, id, input.revenues);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: existing ? "budget_year.update" : "budget_year.create",
        entityType: "budget_year",
        entityId: id,
        scopePath: unitPath,
        summary: { year, before: existing ?? null, after: input },
      },
    );
  });
  return getBudgetYear(ctx, year);
}

function projectRow(ctx: Ctx, yearId: string, id: string, sortNo: number, input: ProjectInput) {
  return {
    id,
    tenantId: ctx.actor.tenantId,
    yearId,
    code: input.code,
    name: input.name,
    level: input.level,
    parentCode: input.parentCode,
    fundType: input.fundType,
    budgetFen: input.budgetFen,
    adjustmentFen: input.adjustmentFen,
    executedFen: input.executedFen,
    carryOverFen: input.carryOverFen,
    sortNo,
  };
}

/** Writes one project (new or existing) in the caller's transaction; audited. */
export async function writeProject(
  ctx: Ctx,
  db: Db,
  year: BudgetYearRow,
  input: ProjectInput,
  existing: ProjectRow | undefined,
): Promise<string> {
  const id = existing?.id ?? randomUUID();
  const sortNo = existing?.sortNo ?? (await nextProjectSort(db, year.id));
  await saveProject(
    db,
    projectRow(ctx, year.id, id, sortNo, input),
    input.months,
    input.indicators.map((i, n) => ({ id: randomUUID(), ...i, sortNo: n + 1 })),
  );
  await recordAudit(
    { ...ctx, db },
    {
      action: existing ? "budget_project.update" : "budget_project.create",
      entityType: "budget_project",
      entityId: id,
      scopePath: year.scopePath,
      summary: { year: year.year, code: input.code, before: existing ?? null, after: input },
    },
  );
  return id;
}

/** @throws not_found, forbidden, conflict (code already used this year) */
export async function createProject(ctx: Ctx, year: number, input: ProjectInput): Promise<Project> {
  const y = await visibleYear(ctx, year);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以维护预算项目");
  const data = await loadYearData(ctx.db, ctx.actor.tenantId, year);
  if (data?.projects.some((p) => p.code === input.code)) {
    throw conflict(`项目编码 ${input.code} 在 ${year} 年度已存在`, { field: "code" });
  }
  const id = await ctx.db.transaction(async (tx) => writeProject(ctx, tx, y, input, undefined));
  return projectDto(ctx, year, id);
}

async function projectDto(ctx: Ctx, year: number, id: string): Promise<Project> {
  const data = await loadYearData(ctx.db, ctx.actor.tenantId, year);
  const p = data?.projects.find((x) => x.id === id);
  if (!data || !p) {
    throw notFound("budget_project");
  }
  return toProjectDto(p, data);
}

async function visibleProject(ctx: Ctx, id: string) {
  const p = await findProject(ctx.db, ctx.actor.tenantId, id);
  const y = p ? await findYearById(ctx.db, ctx.actor.tenantId, p.yearId) : undefined;
  if (!p || !y || !canViewBudget(ctx.actor, y.scopePath)) {
    throw notFound("budget_project");
  }
  return { p, y };
}

export async function updateProject(ctx: Ctx, id: string, input: ProjectInput): Promise<Project> {
  const { p, y } = await visibleProject(ctx, id);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以维护预算项目");
  const data = await loadYearData(ctx.db, ctx.actor.tenantId, y.year);
  if (data?.projects.some((x) => x.code === input.code && x.id !== id)) {
    throw conflict(`项目编码 ${input.code} 在 ${y.year} 年度已存在`, { field: "code" });
  }
  await ctx.db.transaction(async (tx) => writeProject(ctx, tx, y, input, p));
  return projectDto(ctx, y.year, id);
}

export async function deleteProject(ctx: Ctx, id: string): Promise<void> {
  const { p, y } = await visibleProject(ctx, id);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以维护预算项目");
  await ctx.db.transaction(async (tx) => {
    await deleteProjectRows(tx, ctx.actor.tenantId, id);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "budget_project.delete",
        entityType: "budget_project",
        entityId: id,
        scopePath: y.scopePath,
        summary: { year: y.year, before: p },
      },
    );
  });
}

/** Records a fact no module holds, with its source note and optional evidence file. */
export async function addFact(ctx: Ctx, year: number, input: FactInput) {
  const y = await visibleYear(ctx, year);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以登记绩效事实");
  const data = await loadYearData(ctx.db, ctx.actor.tenantId, year);
  if (data?.facts.some((f) => f.key === input.key)) {
    throw conflict(`键名 ${input.key} 在 ${year} 年度已存在`, { field: "key" });
  }
  const id = randomUUID();
  const by = ctx.actor.kind === "user" ? ctx.actor.displayName : "系统";
  await ctx.db.transaction(async (tx) => {
    await insertFact(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      yearId: y.id,
      key: input.key,
      label: input.label,
      value: input.value,
      unit: input.unit,
      sourceNote: input.sourceNote,
      evidenceName: input.evidence?.name ?? null,
      evidenceType: input.evidence?.type ?? null,
      evidence: input.evidence ? Buffer.from(input.evidence.base64, "base64") : null,
      createdBy: by,
    });
    const { evidence, ...logged } = input;
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "performance_fact.create",
        entityType: "performance_fact",
        entityId: id,
        scopePath: y.scopePath,
        summary: { year, ...logged, evidence: evidence?.name ?? null },
      },
    );
  });
  return (await getBudgetYear(ctx, year)).facts.find((f) => f.id === id);
}

export async function getFactEvidence(ctx: Ctx, id: string) {
  const row = await findFactEvidence(ctx.db, ctx.actor.tenantId, id);
  const y = row ? await findYearById(ctx.db, ctx.actor.tenantId, row.yearId) : undefined;
  if (!row || !y || !canViewBudget(ctx.actor, y.scopePath) || !row.data) {
    throw notFound("performance_fact");
  }
  return { name: row.name ?? "evidence", type: row.type ?? "application/octet-stream", data: Buffer.from(row.data) };
}

/** The year row for writers elsewhere in this module (import). */
export async function editableYear(ctx: Ctx, year: number): Promise<BudgetYearRow> {
  const y = await visibleYear(ctx, year);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以导入预算");
  return y;
}
