import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import { DataKeyListSchema, DataKeySchema } from "../../../../../packages/contracts/src/data-sharing-credentials.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { listDataKeys, revokeDataKey } from "./data-keys.service.ts";
import { MANAGE_DATA } from "./data-sharing.policy.ts";

/** 授权与凭证: a data officer's credentials and write keys, and their revocation. */
export function registerDataKeyRoutes(app: App, deps: RouteDeps): void {
  const tags = ["data-sharing"];
  app.get("/api/data/credentials", {
    config: { access: userAccess(MANAGE_DATA) },
    schema: {
      tags,
      summary: "授权与凭证：本单位及下级单位的数据服务凭证与数据写入密钥（不含密钥本身）",
      response: { 200: DataKeyListSchema },
    },
    handler: async (req) => ({ items: await listDataKeys(deps.ctx(req)) }),
  });
  app.post("/api/data/credentials/:id/revoke", {
    config: { access: userAccess(MANAGE_DATA) },
    schema: {
      tags,
      summary: "吊销数据服务凭证或数据写入密钥（立即失效；记入审计）",
      params: IdParamSchema,
      response: { 200: DataKeySchema },
    },
    handler: async (req) => revokeDataKey(deps.ctx(req), req.params.id),
  });
}
