import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  DataRequestListSchema,
  DataRequestSchema,
  DecisionInputSchema,
  GrantCredentialSchema,
  GrantSchema,
  RequestInputSchema,
  RequestListQuerySchema,
  RevokeInputSchema,
} from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { issueGrantCredential } from "./credentials.service.ts";
import { MANAGE_DATA, VIEW_DATA } from "./data-sharing.policy.ts";
import { createRequest, decideRequest, getRequest, listRequestsFor, revokeGrant } from "./requests.service.ts";

/** 共享申请, the provider's decision, grants and their data-service credentials. */
export function registerRequestRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_DATA) };
  const manage = { access: userAccess(MANAGE_DATA) };
  const tags = ["data-sharing"];
  app.get("/api/data/requests", {
    config: view,
    schema: {
      tags,
      summary: "共享申请：本单位的申请（mine）或待本单位审批的（to_approve）",
      querystring: RequestListQuerySchema,
      response: { 200: DataRequestListSchema },
    },
    handler: async (req) => listRequestsFor(deps.ctx(req), req.query),
  });
  app.get("/api/data/requests/:id", {
    config: view,
    schema: { tags, summary: "共享申请详情（含授权）", params: IdParamSchema, response: { 200: DataRequestSchema } },
    handler: async (req) => getRequest(deps.ctx(req), req.params.id),
  });
  app.post("/api/data/requests", {
    config: manage,
    schema: {
      tags,
      summary: "申请共享资源（无条件共享即时授权；有条件共享由提供方在5个工作日内审批；不予共享不可申请）",
      body: RequestInputSchema,
      response: { 201: DataRequestSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await createRequest(deps.ctx(req), req.body)),
  });
  app.post("/api/data/requests/:id/decision", {
    config: manage,
    schema: {
      tags,
      summary: "提供方审批：同意（可减少信息项、缩短期限、附条件）或拒绝（须说明理由）",
      params: IdParamSchema,
      body: DecisionInputSchema,
      response: { 200: DataRequestSchema },
    },
    handler: async (req) => decideRequest(deps.ctx(req), req.params.id, req.body),
  });
  app.post("/api/data/grants/:id/revoke", {
    config: manage,
    schema: {
      tags,
      summary: "撤销共享授权",
      params: IdParamSchema,
      body: RevokeInputSchema,
      response: { 200: GrantSchema },
    },
    handler: async (req) => revokeGrant(deps.ctx(req), req.params.id, req.body.reason),
  });
  app.post("/api/data/grants/:id/credentials", {
    config: manage,
    schema: {
      tags,
      summary: "申领数据服务凭证（绑定本授权的接口密钥，密钥仅显示一次）",
      params: IdParamSchema,
      response: { 201: GrantCredentialSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await issueGrantCredential(deps.ctx(req), req.params.id)),
  });
}
