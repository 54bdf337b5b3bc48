import { z } from "zod";
import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  CreateDeferralInputSchema,
  CreditFlagInputSchema,
  CreditFlagListSchema,
  CreditFlagSchema,
  DeferralActionInputSchema,
  DeferralListQuerySchema,
  DeferralListSchema,
  DeferralOptionsSchema,
  DeferralSchema,
  LiftCreditFlagInputSchema,
} from "../../../../../packages/contracts/src/deferrals.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { addCreditFlag, liftCreditFlag, listCreditFlagsFor } from "./credit-flags.service.ts";
import { MANAGE_CREDIT, OPERATE_DEFERRALS, VIEW_DEFERRALS } from "./deferrals.policy.ts";
import { actOnDeferral, createDeferral, deferralOptions, getDeferral, listDeferralsFor } from "./deferrals.service.ts";

const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** 容缺受理 at the hall, and the bad-credit list that bars it. */
export function registerDeferralRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_DEFERRALS) };
  const operate = { access: userAccess(OPERATE_DEFERRALS) };
  const credit = { access: userAccess(MANAGE_CREDIT) };
  const tags = ["deferrals"];
  app.get("/api/deferrals", {
    config: view,
    schema: {
      tags,
      summary: "容缺受理列表",
      querystring: DeferralListQuerySchema,
      response: { 200: DeferralListSchema },
    },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return listDeferralsFor(deps.ctx(req), filter, { page, pageSize });
    },
  });
  app.get("/api/deferrals/:id", {
    config: view,
    schema: {
      tags,
      summary: "容缺受理详情（承诺书、提醒与办理记录）",
      params: IdParamSchema,
      response: { 200: DeferralSchema },
    },
    handler: async (req) => getDeferral(deps.ctx(req), req.params.id),
  });
  app.get("/api/deferrals/options/:id", {
    config: operate,
    schema: {
      tags,
      summary: "办件可否容缺受理：事项、可容缺材料、最晚补正期限（:id 为办件编号）",
      params: IdParamSchema,
      response: { 200: DeferralOptionsSchema },
    },
    handler: async (req) => deferralOptions(deps.ctx(req), req.params.id),
  });
  app.post("/api/deferrals", {
    config: operate,
    schema: {
      tags,
      summary: "登记容缺受理（清单内事项、次要材料、承诺书、补正期限不晚于承诺时限、失信人不适用）",
      body: CreateDeferralInputSchema,
      response: { 201: DeferralSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await createDeferral(deps.ctx(req), req.body)),
  });
  app.post("/api/deferrals/:id/actions", {
    config: operate,
    schema: {
      tags,
      summary: "材料补齐或终止办理",
      params: IdParamSchema,
      body: DeferralActionInputSchema,
      response: { 200: DeferralSchema },
    },
    handler: async (req) => actOnDeferral(deps.ctx(req), req.params.id, req.body),
  });
  app.get("/api/credit-flags", {
    config: credit,
    schema: {
      tags,
      summary: "失信名单（身份证号脱敏）",
      querystring: PageQuerySchema,
      response: { 200: CreditFlagListSchema },
    },
    handler: async (req) => listCreditFlagsFor(deps.ctx(req), req.query),
  });
  app.post("/api/credit-flags", {
    config: credit,
    schema: { tags, summary: "列入失信名单", body: CreditFlagInputSchema, response: { 201: CreditFlagSchema } },
    handler: async (req, reply) => reply.status(201).send(await addCreditFlag(deps.ctx(req), req.body)),
  });
  app.post("/api/credit-flags/:id/lift", {
    config: credit,
    schema: {
      tags,
      summary: "移出失信名单（记录保留）",
      params: IdParamSchema,
      body: LiftCreditFlagInputSchema,
      response: { 200: CreditFlagSchema },
    },
    handler: async (req) => liftCreditFlag(deps.ctx(req), req.params.id, req.body.note),
  });
}
