import { z } from "zod";
import {
  API_KEY_SCOPES,
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeyInputSchema,
  CreatedApiKeySchema,
} from "../../../../../packages/contracts/src/api-keys.ts";
import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import { Id } from "../../../../../packages/contracts/src/id.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { toApiKeyDto } from "./api-keys.mapper.ts";
import { MANAGE_API_KEYS } from "./api-keys.policy.ts";
import { createApiKey, findApiKeys, revokeApiKey } from "./api-keys.service.ts";

const WhoAmISchema = z.object({ keyId: Id, name: z.string(), scopes: z.array(z.string()) });

export function registerApiKeyRoutes(app: App, deps: RouteDeps): void {
  const admin = { access: userAccess(MANAGE_API_KEYS) };
  app.get("/api/api-keys", {
    config: admin,
    schema: { tags: ["api-keys"], summary: "接口密钥列表", response: { 200: ApiKeyListSchema } },
    handler: async (req) => ({ items: (await findApiKeys(deps.ctx(req))).map((r) => toApiKeyDto(r, r.scopeList)) }),
  });
  app.post("/api/api-keys", {
    config: admin,
    schema: {
      tags: ["api-keys"],
      summary: "新建接口密钥（密钥只返回一次）",
      body: CreateApiKeyInputSchema,
      response: { 201: CreatedApiKeySchema },
    },
    handler: async (req, reply) => {
      const created = await createApiKey(deps.ctx(req), req.body);
      return reply.status(201).send({ apiKey: toApiKeyDto(created.row, created.scopes), secret: created.secret });
    },
  });
  app.post("/api/api-keys/:id/revoke", {
    config: admin,
    schema: { tags: ["api-keys"], summary: "吊销接口密钥", params: IdParamSchema, response: { 200: ApiKeySchema } },
    handler: async (req) => {
      const row = await revokeApiKey(deps.ctx(req), req.params.id);
      return toApiKeyDto(row, row.scopeList);
    },
  });
  app.get("/api/machine/whoami", {
    config: { access: { kind: "api_key", scopes: API_KEY_SCOPES } },
    schema: { tags: ["api-keys"], summary: "机器客户端：核对接口密钥", response: { 200: WhoAmISchema } },
    handler: async (req) => {
      const actor = deps.ctx(req).actor;
      return actor.kind === "api_key"
        ? { keyId: actor.keyId, name: actor.name, scopes: actor.scopes }
        : { keyId: "", name: "", scopes: [] };
    },
  });
}
