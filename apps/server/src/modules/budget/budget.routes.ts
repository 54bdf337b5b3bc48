import { z } from "zod";
import {
  BudgetImportResultSchema,
  BudgetYearInputSchema,
  BudgetYearListSchema,
  BudgetYearSchema,
  FactInputSchema,
  FactSchema,
  ProjectInputSchema,
  ProjectSchema,
  YearParamSchema,
} from "../../../../../packages/contracts/src/budget.ts";
import { IdParamSchema, OkSchema } from "../../../../../packages/contracts/src/common.ts";
import { notFound } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { EDIT_BUDGETS, VIEW_BUDGETS } from "./budget.policy.ts";
import {
  addFact,
  createProject,
  deleteProject,
  getBudgetYear,
  getFactEvidence,
  listBudgetYears,
  saveBudgetYear,
  updateProject,
} from "./budget.service.ts";
import { exportBudget, importBudget } from "./budget-spreadsheet.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DryRunSchema = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "dryRun 只能是 true 或 false" })
    .default("true")
    .transform((v) => v === "true"),
});
const FileSchema = z.custom<Buffer>((v) => Buffer.isBuffer(v), { error: "请上传 .xlsx 文件" });

/** Budget years, projects with indicators, facts with evidence, and the Excel round trip. */
export function registerBudgetRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_BUDGETS) };
  const edit = { access: userAccess(EDIT_BUDGETS) };
  const tags = ["budget"];
  app.get("/api/budget/years", {
    config: view,
    schema: { tags, summary: "预算年度列表（含汇总）", response: { 200: BudgetYearListSchema } },
    handler: async (req) => listBudgetYears(deps.ctx(req)),
  });
  app.get("/api/budget/years/:year", {
    config: view,
    schema: {
      tags,
      summary: "某年度的收支、项目、指标和绩效事实",
      params: YearParamSchema,
      response: { 200: BudgetYearSchema },
    },
    handler: async (req) => getBudgetYear(deps.ctx(req), req.params.year),
  });
  app.put("/api/budget/years/:year", {
    config: edit,
    schema: {
      tags,
      summary: "建立或修改某年度的收入、基本支出、公用经费、三公经费、采购和资产",
      params: YearParamSchema,
      body: BudgetYearInputSchema,
      response: { 200: BudgetYearSchema },
    },
    handler: async (req) => saveBudgetYear(deps.ctx(req), req.params.year, req.body),
  });
  app.post("/api/budget/years/:year/projects", {
    config: edit,
    schema: {
      tags,
      summary: "新增预算项目（含月度执行和绩效指标）",
      params: YearParamSchema,
      body: ProjectInputSchema,
      response: { 201: ProjectSchema },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createProject(deps.ctx(req), req.params.year, req.body)),
  });
  app.put("/api/budget/projects/:id", {
    config: edit,
    schema: {
      tags,
      summary: "修改预算项目",
      params: IdParamSchema,
      body: ProjectInputSchema,
      response: { 200: ProjectSchema },
    },
    handler: async (req) => updateProject(deps.ctx(req), req.params.id, req.body),
  });
  app.delete("/api/budget/projects/:id", {
    config: edit,
    schema: { tags, summary: "删除预算项目", params: IdParamSchema, response: { 200: OkSchema } },
    handler: async (req) => {
      await deleteProject(deps.ctx(req), req.params.id);
      return { ok: true as const };
    },
  });
  app.post("/api/budget/years/:year/import", {
    config: edit,
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags,
      summary: "导入预算项目表和绩效指标表（.xlsx；逐行校验，全部正确才写入并替换本年度项目；dryRun 只校验）",
      params: YearParamSchema,
      querystring: DryRunSchema,
      body: FileSchema,
      response: { 200: BudgetImportResultSchema },
    },
    handler: async (req) => importBudget(deps.ctx(req), req.params.year, req.body, req.query.dryRun),
  });
  app.get("/api/budget/years/:year/export.xlsx", {
    config: view,
    schema: { tags, summary: "导出预算项目表和绩效指标表（与导入格式相同）", params: YearParamSchema },
    handler: async (req, reply) => {
      const body = await exportBudget(deps.ctx(req), req.params.year);
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="budget-${req.params.year}.xlsx"`)
        .send(body);
    },
  });
  app.post("/api/budget/years/:year/facts", {
    config: edit,
    bodyLimit: 10 * 1024 * 1024,
    schema: {
      tags,
      summary: "登记其他绩效事实（无业务模块记录的数字），须写明来源并可附佐证",
      params: YearParamSchema,
      body: FactInputSchema,
      response: { 201: FactSchema },
    },
    handler: async (req, reply) => {
      const fact = await addFact(deps.ctx(req), req.params.year, req.body);
      if (!fact) {
        throw notFound("performance_fact");
      }
      return reply.status(201).send(fact);
    },
  });
  app.get("/api/budget/facts/:id/evidence", {
    config: view,
    schema: { tags, summary: "下载绩效事实的佐证材料", params: IdParamSchema },
    handler: async (req, reply) => {
      const file = await getFactEvidence(deps.ctx(req), req.params.id);
      return (
        reply
          // Served as a download whatever type was declared, so an uploaded page can never run here.
          .header("content-type", "application/octet-stream")
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.data)
      );
    },
  });
}
