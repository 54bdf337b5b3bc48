import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  OnlineCaseInputSchema,
  OnlineCaseIntakeResultSchema,
  OnlineCaseListQuerySchema,
  OnlineCaseListSchema,
  OnlineCaseSchema,
} from "../../../../../packages/contracts/src/online-cases.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { ratingCodeFor } from "../evaluations/rating-codes.service.ts";
import { VIEW_ONLINE_CASES } from "./online-cases.policy.ts";
import { getOnlineCase, listOnlineCases, receiveOnlineCase } from "./online-cases.service.ts";

/** 网上办件: pushed by the provincial portal, read by the units rated for them. */
export function registerOnlineCaseRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_ONLINE_CASES) };
  const tags = ["online-cases"];
  app.post("/api/intake/online-cases", {
    config: { access: { kind: "api_key", scopes: ["cases:write"] } },
    schema: {
      tags,
      summary: "一网通办平台推送已办结的网上办件（按办件编号幂等：重发返回原办件，内容不同返回409）",
      body: OnlineCaseInputSchema,
      response: { 200: OnlineCaseIntakeResultSchema, 201: OnlineCaseIntakeResultSchema },
    },
    handler: async (req, reply) => {
      const ctx = deps.ctx(req);
      const result = await receiveOnlineCase(ctx, req.body);
      const ratingCode = await ratingCodeFor(ctx.db, ctx.actor.tenantId, "service_case", result.id, ctx.clock.now());
      return reply.status(result.created ? 201 : 200).send({ ...result, ratingCode });
    },
  });
  app.get("/api/online-cases", {
    config: view,
    schema: {
      tags,
      summary: "网上办件列表（按办结日期、事项筛选；个人信息脱敏）",
      querystring: OnlineCaseListQuerySchema,
      response: { 200: OnlineCaseListSchema },
    },
    handler: async (req) => listOnlineCases(deps.ctx(req), req.query),
  });
  app.get("/api/online-cases/:id", {
    config: view,
    schema: { tags, summary: "网上办件详情", params: IdParamSchema, response: { 200: OnlineCaseSchema } },
    handler: async (req) => getOnlineCase(deps.ctx(req), req.params.id),
  });
}
