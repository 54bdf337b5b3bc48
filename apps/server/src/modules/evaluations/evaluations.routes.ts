import { z } from "zod";
import { IdParamSchema, isoInstant } from "../../../../../packages/contracts/src/common.ts";
import {
  AppealInputSchema,
  DecideAppealInputSchema,
  PublicDisclosureSchema,
  RateInputSchema,
  RatesQuerySchema,
  RatesSchema,
  RatingListQuerySchema,
  RatingListSchema,
  RatingSchema,
} from "../../../../../packages/contracts/src/evaluations.ts";
import { Id } from "../../../../../packages/contracts/src/id.ts";
import { notFound } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { withProofLimit } from "../../platform/proof-limit.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { APPEAL_RATINGS, SUPERVISE_RATINGS, VIEW_RATINGS } from "./evaluations.policy.ts";
import { appealRating, decideAppeal, getRating, rateService } from "./evaluations.service.ts";
import { computeRates, listRatings, publicDisclosure } from "./rates.service.ts";

const DisclosureQuerySchema = z.object({
  tenant: z.string().regex(/^\d{6}$/, { error: "请提供6位区划代码" }),
  from: isoInstant().optional(),
  to: isoInstant().optional(),
});
const RateResultSchema = z.object({
  id: Id,
  level: z.number().int(),
  levelLabel: z.string(),
  rectification: z.boolean(),
});

/** 好差评: citizens rate, units see and appeal, supervisors review; the rates are published. */
export function registerEvaluationRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_RATINGS) };
  const tags = ["evaluations"];
  app.post("/api/public/ratings", {
    config: { access: { kind: "public" } },
    schema: {
      tags: ["public"],
      summary: "市民评价已办结的服务（实名：编号 + 登记手机号后4位 + 评价码；差评自动生成整改工单）",
      body: RateInputSchema,
      response: { 201: RateResultSchema },
    },
    handler: async (req, reply) => {
      const rated = await withProofLimit(
        deps.database.db,
        deps.clock,
        { subject: `${req.body.subjectKind}:${req.body.number.toUpperCase()}`, address: req.ip },
        () => rateService(deps.database.db, deps.clock, req.body),
      );
      return reply.status(201).send(rated);
    },
  });
  app.get("/api/public/ratings/disclosure", {
    config: { access: { kind: "public" } },
    schema: {
      tags: ["public"],
      summary: "好差评结果公开（各单位好评率与差评整改情况，无个人信息）",
      querystring: DisclosureQuerySchema,
      response: { 200: PublicDisclosureSchema },
    },
    handler: async (req) => {
      const tenant = await findTenantByCode(deps.database.db, req.query.tenant);
      if (!tenant) {
        throw notFound("tenant");
      }
      return publicDisclosure(deps.database.db, tenant.id, req.query.from, req.query.to);
    },
  });
  app.get("/api/ratings", {
    config: view,
    schema: {
      tags,
      summary: "评价列表（被评价单位看不到评价人）",
      querystring: RatingListQuerySchema,
      response: { 200: RatingListSchema },
    },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return listRatings(deps.ctx(req), filter, { page, pageSize });
    },
  });
  app.get("/api/ratings/rates", {
    config: view,
    schema: {
      tags,
      summary: "好评率、差评整改率等（按单位或月份，可下钻）",
      querystring: RatesQuerySchema,
      response: { 200: RatesSchema },
    },
    handler: async (req) => computeRates(deps.ctx(req), req.query),
  });
  app.get("/api/ratings/:id", {
    config: view,
    schema: { tags, summary: "评价详情", params: IdParamSchema, response: { 200: RatingSchema } },
    handler: async (req) => getRating(deps.ctx(req), req.params.id),
  });
  app.post("/api/ratings/:id/appeal", {
    config: { access: userAccess(APPEAL_RATINGS) },
    schema: {
      tags,
      summary: "被评价单位对差评申诉",
      params: IdParamSchema,
      body: AppealInputSchema,
      response: { 200: RatingSchema },
    },
    handler: async (req) => appealRating(deps.ctx(req), req.params.id, req.body.reason),
  });
  app.post("/api/ratings/:id/decision", {
    config: { access: userAccess(SUPERVISE_RATINGS) },
    schema: {
      tags,
      summary: "审核申诉：无效/恶意差评保留但不计入评价率",
      params: IdParamSchema,
      body: DecideAppealInputSchema,
      response: { 200: RatingSchema },
    },
    handler: async (req) => decideAppeal(deps.ctx(req), req.params.id, req.body.outcome, req.body.reason),
  });
}
