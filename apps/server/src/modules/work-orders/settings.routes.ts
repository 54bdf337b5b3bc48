import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  CampaignListSchema,
  CampaignSchema,
  CreateCampaignInputSchema,
  SlaPolicyListSchema,
  SlaPolicyQuerySchema,
  UpdateSlaPolicyInputSchema,
} from "../../../../../packages/contracts/src/work-order-settings.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { CREATE_CAMPAIGN, EDIT_SLA_POLICIES } from "../org/tenant-settings.policy.ts";
import { createCampaign, editSlaPolicy, findSlaPolicies, listCampaigns } from "./settings.service.ts";
import { VIEW_WORK_ORDERS } from "./work-orders.policy.ts";

/** Reference data of the engine: SLA policies per year and campaigns with their periods. */
export function registerWorkOrderSettingsRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_WORK_ORDERS) };
  app.get("/api/work-orders/sla-policies", {
    config: view,
    schema: {
      tags: ["work-orders"],
      summary: "某年度的时限规则（按类型/分类/紧急程度）",
      querystring: SlaPolicyQuerySchema,
      response: { 200: SlaPolicyListSchema },
    },
    handler: async (req) => findSlaPolicies(deps.ctx(req), req.query.year),
  });
  app.put("/api/work-orders/sla-policies/:id", {
    config: { access: userAccess(EDIT_SLA_POLICIES) },
    schema: {
      tags: ["work-orders"],
      summary: "修改时限规则（之后受理的工单适用）",
      params: IdParamSchema,
      body: UpdateSlaPolicyInputSchema,
      response: { 200: SlaPolicyListSchema },
    },
    handler: async (req) => editSlaPolicy(deps.ctx(req), req.params.id, req.body),
  });
  app.get("/api/work-orders/campaigns", {
    config: view,
    schema: { tags: ["work-orders"], summary: "专项（如涉整改）及其期间", response: { 200: CampaignListSchema } },
    handler: async (req) => listCampaigns(deps.ctx(req)),
  });
  app.post("/api/work-orders/campaigns", {
    config: { access: userAccess(CREATE_CAMPAIGN) },
    schema: {
      tags: ["work-orders"],
      summary: "新建专项",
      body: CreateCampaignInputSchema,
      response: { 201: CampaignSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await createCampaign(deps.ctx(req), req.body)),
  });
}
