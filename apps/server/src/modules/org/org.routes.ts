import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  CreateOrgUnitInputSchema,
  OrgTreeQuerySchema,
  OrgTreeResponseSchema,
  OrgUnitSchema,
  UpdateOrgUnitInputSchema,
} from "../../../../../packages/contracts/src/org.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { toOrgUnitDto } from "./org.mapper.ts";
import { MANAGE_ORG } from "./org.policy.ts";
import { createOrgUnit, findOrgTree, getOrgUnit, renameOrgUnit } from "./org.service.ts";

export function registerOrgRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/org/tree", {
    config: { access: { kind: "user", roles: "any" } },
    schema: {
      tags: ["org"],
      summary: "可见范围内的组织机构树",
      querystring: OrgTreeQuerySchema,
      response: { 200: OrgTreeResponseSchema },
    },
    handler: async (req) => ({ units: (await findOrgTree(deps.ctx(req), req.query.q)).map(toOrgUnitDto) }),
  });
  app.get("/api/org/units/:id", {
    config: { access: { kind: "user", roles: "any" } },
    schema: { tags: ["org"], summary: "机构详情", params: IdParamSchema, response: { 200: OrgUnitSchema } },
    handler: async (req) => toOrgUnitDto(await getOrgUnit(deps.ctx(req), req.params.id)),
  });
  app.post("/api/org/units", {
    config: { access: userAccess(MANAGE_ORG) },
    schema: {
      tags: ["org"],
      summary: "新增下级机构",
      body: CreateOrgUnitInputSchema,
      response: { 201: OrgUnitSchema },
    },
    handler: async (req, reply) => reply.status(201).send(toOrgUnitDto(await createOrgUnit(deps.ctx(req), req.body))),
  });
  app.patch("/api/org/units/:id", {
    config: { access: userAccess(MANAGE_ORG) },
    schema: {
      tags: ["org"],
      summary: "重命名机构",
      params: IdParamSchema,
      body: UpdateOrgUnitInputSchema,
      response: { 200: OrgUnitSchema },
    },
    handler: async (req) => toOrgUnitDto(await renameOrgUnit(deps.ctx(req), req.params.id, req.body)),
  });
}
