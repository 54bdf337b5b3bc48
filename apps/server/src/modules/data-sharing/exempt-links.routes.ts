import { PageQuerySchema } from "../../../../../packages/contracts/src/common.ts";
import { ResourceCodeParamSchema } from "../../../../../packages/contracts/src/data-sharing.ts";
import {
  ExemptItemListSchema,
  ExemptSourceListSchema,
} from "../../../../../packages/contracts/src/data-sharing-exempt.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { VIEW_DATA } from "./data-sharing.policy.ts";
import { exemptMaterialsOf, listExemptSources } from "./exempt-links.service.ts";

/** 免提交 links both ways: a resource's catalog items, and the catalog's sources with no resource. */
export function registerExemptLinkRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_DATA) };
  const tags = ["data-sharing"];
  app.get("/api/data/resources/:code/exempt-materials", {
    config: view,
    schema: {
      tags,
      summary: "以本资源为共享数据来源的免提交材料（所属事项及材料数）",
      params: ResourceCodeParamSchema,
      querystring: PageQuerySchema,
      response: { 200: ExemptItemListSchema },
    },
    handler: async (req) => exemptMaterialsOf(deps.ctx(req), req.params.code, req.query),
  });
  app.get("/api/data/exempt-sources", {
    config: view,
    schema: {
      tags,
      summary: "事项目录免提交材料的数据来源核对（匹配的信息资源；无对应资源的标记出来）",
      response: { 200: ExemptSourceListSchema },
    },
    handler: async (req) => listExemptSources(deps.ctx(req)),
  });
}
