import { z } from "zod";
import { YearSchema } from "../../../../../packages/contracts/src/budget.ts";
import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  CompareQuerySchema,
  ComparisonSchema,
  CreateEvaluationInputSchema,
  EvaluationListSchema,
  EvaluationSchema,
  ItemCodeParamSchema,
  ReturnInputSchema,
  UpdateItemInputSchema,
} from "../../../../../packages/contracts/src/self-evaluation.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { APPROVE_EVALUATIONS, EDIT_BUDGETS, VIEW_BUDGETS } from "../budget/budget.policy.ts";
import {
  approveEvaluation,
  compareEvaluations,
  createEvaluation,
  getEvaluation,
  listEvaluations,
  returnEvaluation,
  reviseEvaluation,
  submitEvaluation,
  updateEvaluationItem,
} from "./self-evaluation.service.ts";

/** The scoring tree per year, its workflow (draft → submitted → approved) and versions. */
export function registerSelfEvaluationRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_BUDGETS) };
  const edit = { access: userAccess(EDIT_BUDGETS) };
  const lead = { access: userAccess(APPROVE_EVALUATIONS) };
  const tags = ["self-evaluation"];
  app.get("/api/evaluations", {
    config: view,
    schema: {
      tags,
      summary: "某年度的自评版本",
      querystring: z.object({ year: YearSchema }),
      response: { 200: EvaluationListSchema },
    },
    handler: async (req) => listEvaluations(deps.ctx(req), req.query.year),
  });
  app.post("/api/evaluations", {
    config: edit,
    schema: {
      tags,
      summary: "开展年度自评（按广州市指标体系建立评分表）",
      body: CreateEvaluationInputSchema,
      response: { 201: EvaluationSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await createEvaluation(deps.ctx(req), req.body.year)),
  });
  app.get("/api/evaluations/compare", {
    config: view,
    schema: {
      tags,
      summary: "比较同一年度的两个版本",
      querystring: CompareQuerySchema,
      response: { 200: ComparisonSchema },
    },
    handler: async (req) => compareEvaluations(deps.ctx(req), req.query.from, req.query.to),
  });
  app.get("/api/evaluations/:id", {
    config: view,
    schema: {
      tags,
      summary: "评分表（自动评分附计算过程，分组按分值封顶）",
      params: IdParamSchema,
      response: { 200: EvaluationSchema },
    },
    handler: async (req) => getEvaluation(deps.ctx(req), req.params.id),
  });
  app.put("/api/evaluations/:id/items/:code", {
    config: edit,
    schema: {
      tags,
      summary: "人工评分（须写理由）或调整草稿中的指标分值、依据",
      params: ItemCodeParamSchema,
      body: UpdateItemInputSchema,
      response: { 200: EvaluationSchema },
    },
    handler: async (req) => updateEvaluationItem(deps.ctx(req), req.params.id, req.params.code, req.body),
  });
  const actions = [
    ["submit", edit, "提交审定（冻结自动评分）", submitEvaluation],
    ["approve", lead, "审定（生成不可更改的快照及其哈希）", approveEvaluation],
    ["revise", edit, "在已审定版本基础上新建版本", reviseEvaluation],
  ] as const;
  for (const [verb, config, summary, run] of actions) {
    app.post(`/api/evaluations/:id/${verb}`, {
      config,
      schema: { tags, summary, params: IdParamSchema, response: { 200: EvaluationSchema } },
      handler: async (req) => run(deps.ctx(req), req.params.id),
    });
  }
  app.post("/api/evaluations/:id/return", {
    config: lead,
    schema: {
      tags,
      summary: "退回修改",
      params: IdParamSchema,
      body: ReturnInputSchema,
      response: { 200: EvaluationSchema },
    },
    handler: async (req) => returnEvaluation(deps.ctx(req), req.params.id, req.body.reason),
  });
}
