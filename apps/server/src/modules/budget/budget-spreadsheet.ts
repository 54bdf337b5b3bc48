import ExcelJS from "exceljs";
import {
  type BudgetImportResult,
  FUND_TYPE_LABELS,
  INDICATOR_CATEGORY_LABELS,
  type IndicatorInput,
  type ProjectInput,
  ProjectInputSchema,
  wanToFen,
} from "../../../../../packages/contracts/src/budget.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { cellText } from "../../platform/spreadsheet.ts";
import { loadWorkbook } from "../../platform/workbook-rows.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { deleteYearProjects, loadYearData, updateFinalAccounts } from "./budget.repo.ts";
import { editableYear, toProjectDto, viewableYear, writeProject } from "./budget.service.ts";
import { type FinalAccounts, readFinalSheet, writeFinalSheet } from "./budget-final-sheet.ts";

/**
 * The two sheets bureaus keep: projects with money in 万元, and each project's indicators; a third,
 * optional one holds the 决算 statement's totals (budget-final-sheet.ts).
 */
export const PROJECT_SHEET = "预算项目";
export const INDICATOR_SHEET = "绩效指标";
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月执行（万元）`);
const PROJECT_COLUMNS = [
  "项目编码",
  "项目名称",
  "级次",
  "上级项目编码",
  "资金性质",
  "年初预算数（万元）",
  "调整数（万元）",
  "执行数（万元）",
  "结转结余（万元）",
  ...MONTHS,
] as const;
const INDICATOR_COLUMNS = ["项目编码", "指标类别", "指标名称", "比较方式", "指标值", "计量单位", "实际完成值"] as const;
const REQUIRED_PROJECT = ["项目编码", "项目名称", "级次", "年初预算数（万元）", "执行数（万元）"];
const REQUIRED_INDICATOR = ["项目编码", "指标类别", "指标名称", "比较方式", "指标值"];

const fundByLabel = new Map(Object.entries(FUND_TYPE_LABELS).map(([k, v]) => [v, k]));
const categoryByLabel = new Map(Object.entries(INDICATOR_CATEGORY_LABELS).map(([k, v]) => [v, k]));
/** Exact 万元 text of an amount in 分 (two decimals at least, six at most), so nothing is lost. */
function wan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const frac = String(abs % 1_000_000)
    .padStart(6, "0")
    .replace(/0{1,4}$/, "");
  return `${sign}${Math.floor(abs / 1_000_000)}.${frac.padEnd(2, "0")}`;
}

type Issue = BudgetImportResult["errors"][number];

function readRows(sheet: ExcelJS.Worksheet, required: string[], errors: Issue[]): Array<[number, Map<string, string>]> {
  const header = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    header.set(col, cellText(cell.value));
  });
  const missing = required.filter((h) => ![...header.values()].includes(h));
  for (const m of missing) {
    errors.push({ sheet: sheet.name, row: 1, field: m, message: "缺少此列" });
  }
  const rows: Array<[number, Map<string, string>]> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) {
      return;
    }
    const values = new Map<string, string>();
    for (const [col, h] of header) {
      values.set(h, cellText(row.getCell(col).value).trim());
    }
    if ([...values.values()].some((v) => v !== "")) {
      rows.push([n, values]);
    }
  });
  return rows;
}

function money(v: string | undefined, sheet: string, row: number, field: string, errors: Issue[]): number {
  if (!v) {
    return 0;
  }
  const fen = wanToFen(v);
  if (fen === null) {
    errors.push({ sheet, row, field, message: `“${v}”不是金额（万元，最多6位小数）` });
    return 0;
  }
  return fen;
}

/** Parses the workbook into projects; every problem is collected with its sheet and row. */
export async function parseBudgetWorkbook(
  body: Buffer,
): Promise<{ projects: ProjectInput[]; finals: FinalAccounts | null; errors: Issue[] }> {
  const wb = await loadWorkbook(body);
  const errors: Issue[] = [];
  const ps = wb.getWorksheet(PROJECT_SHEET);
  if (!ps) {
    throw new AppError("validation", `缺少工作表“${PROJECT_SHEET}”`, [{ path: "file", message: "缺少工作表" }]);
  }
  const projects: Array<{ row: number; input: ProjectInput }> = [];
  for (const [n, v] of readRows(ps, REQUIRED_PROJECT, errors)) {
    const field = (h: string) => v.get(h) ?? "";
    const before = errors.length;
    const months = MONTHS.some((m) => field(m) !== "")
      ? MONTHS.map((m) => money(field(m), ps.name, n, m, errors))
      : null;
    const raw = {
      code: field("项目编码"),
      name: field("项目名称"),
      level: Number(field("级次")),
      parentCode: field("上级项目编码") || null,
      fundType: fundByLabel.get(field("资金性质")) ?? (field("资金性质") || "general"),
      budgetFen: money(field("年初预算数（万元）"), ps.name, n, "年初预算数（万元）", errors),
      adjustmentFen: money(field("调整数（万元）"), ps.name, n, "调整数（万元）", errors),
      executedFen: money(field("执行数（万元）"), ps.name, n, "执行数（万元）", errors),
      carryOverFen: money(field("结转结余（万元）"), ps.name, n, "结转结余（万元）", errors),
      months,
      indicators: [],
    };
    const parsed = ProjectInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const key = String(i.path[0] ?? "");
        const label = { code: "项目编码", name: "项目名称", level: "级次", fundType: "资金性质" }[key] ?? key;
        errors.push({ sheet: ps.name, row: n, field: label, message: i.message });
      }
    } else if (errors.length === before) {
      const dup = projects.find((p) => p.input.code === parsed.data.code);
      if (dup) {
        errors.push({ sheet: ps.name, row: n, field: "项目编码", message: `与第 ${dup.row} 行的项目编码重复` });
      }
      projects.push({ row: n, input: parsed.data });
    }
  }
  const codes = new Set(projects.map((p) => p.input.code));
  for (const p of projects) {
    if (p.input.parentCode && !codes.has(p.input.parentCode)) {
      errors.push({
        sheet: ps.name,
        row: p.row,
        field: "上级项目编码",
        message: `上级项目 ${p.input.parentCode} 不在表中`,
      });
    }
  }
  const is = wb.getWorksheet(INDICATOR_SHEET);
  if (is) {
    for (const [n, v] of readRows(is, REQUIRED_INDICATOR, errors)) {
      const field = (h: string) => v.get(h) ?? "";
      const project = projects.find((p) => p.input.code === field("项目编码"));
      if (!project) {
        errors.push({
          sheet: is.name,
          row: n,
          field: "项目编码",
          message: `项目 ${field("项目编码")} 不在“${PROJECT_SHEET}”表中`,
        });
        continue;
      }
      const target = Number(field("指标值"));
      const actualText = field("实际完成值");
      const actual = actualText === "" ? null : Number(actualText);
      const category = categoryByLabel.get(field("指标类别"));
      const comparator = field("比较方式");
      const rowErrors: Issue[] = [];
      if (!category) {
        rowErrors.push({
          sheet: is.name,
          row: n,
          field: "指标类别",
          message: "须为 产出-数量、产出-质量、产出-时效、产出-成本、效益、满意度 之一",
        });
      }
      if (![">=", "<=", "=", ">", "<"].includes(comparator)) {
        rowErrors.push({ sheet: is.name, row: n, field: "比较方式", message: "须为 >=、<=、=、>、< 之一" });
      }
      if (!Number.isFinite(target) || field("指标值") === "") {
        rowErrors.push({ sheet: is.name, row: n, field: "指标值", message: "须为数字" });
      }
      if (actual !== null && !Number.isFinite(actual)) {
        rowErrors.push({ sheet: is.name, row: n, field: "实际完成值", message: "须为数字或留空" });
      }
      if (!field("指标名称")) {
        rowErrors.push({ sheet: is.name, row: n, field: "指标名称", message: "请填写指标名称" });
      }
      errors.push(...rowErrors);
      if (rowErrors.length === 0) {
        project.input.indicators.push({
          category: category as IndicatorInput["category"],
          name: field("指标名称"),
          comparator: comparator as IndicatorInput["comparator"],
          target,
          unit: field("计量单位"),
          actual,
        });
      }
    }
  }
  const finals = readFinalSheet(wb, errors);
  return { projects: projects.map((p) => p.input), finals, errors };
}

/**
 * Replaces the year's projects and indicators with the workbook's, all or nothing: with any
 * error nothing is written; a dry run only reports.
 */
export async function importBudget(ctx: Ctx, year: number, body: Buffer, dryRun: boolean): Promise<BudgetImportResult> {
  const y = await editableYear(ctx, year);
  const { projects, finals, errors } = await parseBudgetWorkbook(body);
  const result = {
    dryRun,
    projects: projects.length,
    indicators: projects.reduce((s, p) => s + p.indicators.length, 0),
    errors,
  };
  if (dryRun || errors.length > 0) {
    return result;
  }
  await ctx.db.transaction(async (tx) => {
    await deleteYearProjects(tx, y.tenantId, y.id);
    for (const p of projects) {
      await writeProject(ctx, tx, y, p, undefined);
    }
    if (finals) {
      await updateFinalAccounts(tx, y.tenantId, y.id, finals);
    }
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "budget.import",
        entityType: "budget_year",
        entityId: y.id,
        scopePath: y.scopePath,
        summary: { year, projects: result.projects, indicators: result.indicators, finalAccounts: finals },
      },
    );
  });
  return result;
}

/** Writes the year's projects and indicators in the import's own format, so export → import changes nothing. */
export async function exportBudget(ctx: Ctx, year: number): Promise<Buffer> {
  const y = await viewableYear(ctx, year);
  const data = await loadYearData(ctx.db, ctx.actor.tenantId, y.year);
  if (!data) {
    throw notFound("budget_year");
  }
  const wb = new ExcelJS.Workbook();
  const ps = wb.addWorksheet(PROJECT_SHEET);
  ps.addRow([...PROJECT_COLUMNS]);
  const is = wb.addWorksheet(INDICATOR_SHEET);
  is.addRow([...INDICATOR_COLUMNS]);
  for (const row of data.projects) {
    const p = toProjectDto(row, data);
    ps.addRow([
      p.code,
      p.name,
      p.level,
      p.parentCode ?? "",
      FUND_TYPE_LABELS[p.fundType],
      wan(p.budgetFen),
      wan(p.adjustmentFen),
      wan(p.executedFen),
      wan(p.carryOverFen),
      ...(p.months ?? []).map(wan),
    ]);
    for (const i of p.indicators) {
      is.addRow([
        p.code,
        INDICATOR_CATEGORY_LABELS[i.category],
        i.name,
        i.comparator,
        i.target,
        i.unit,
        i.actual ?? "",
      ]);
    }
  }
  writeFinalSheet(wb, data.year, wan);
  for (const sheet of [ps, is]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => {
      c.width = 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
