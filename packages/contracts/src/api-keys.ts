import { z } from "zod";
import { Id } from "./id.ts";

export const API_KEY_SCOPES = [
  "tickets:write",
  "tickets:read",
  "open311",
  "cases:write",
  "data:read",
  "data:write",
] as const;
/** Issued only with a data grant (数据服务凭证), never as a free-standing key. */
export const GRANT_BOUND_SCOPES: readonly ApiKeyScopeName[] = ["data:read"];
/** Issued only by a provider unit's data officer, bound to that unit (数据写入密钥). */
export const PROVIDER_BOUND_SCOPES: readonly ApiKeyScopeName[] = ["data:write"];
type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];
export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScopeSchema>;

export const ApiKeySchema = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ApiKeyScopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) });

export const CreateApiKeyInputSchema = z.object({
  name: z.string({ error: "名称必填" }).trim().min(2, { error: "名称至少2个字" }).max(60),
  scopes: z
    .array(ApiKeyScopeSchema)
    .min(1, { error: "至少选择一个权限范围" })
    .refine((s) => !s.some((x) => GRANT_BOUND_SCOPES.includes(x)), {
      error: "数据服务读取（data:read）凭证只能在共享授权中签发",
    })
    .refine((s) => !s.some((x) => PROVIDER_BOUND_SCOPES.includes(x)), {
      error: "数据写入（data:write）密钥只能由提供单位的数据管理员在数据资源中签发",
    }),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInputSchema>;
/** The secret is returned only once, at creation. */
export const CreatedApiKeySchema = z.object({ apiKey: ApiKeySchema, secret: z.string() });
