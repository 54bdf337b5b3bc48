import { z } from "zod";
import { GRANT_STATUSES } from "./data-sharing-requests.ts";
import { Id } from "./id.ts";

// 授权与凭证: the data-service credentials (data:read, bound to a grant) and the data:write keys of
// a data officer's units, with what each is for and when it was last used.

export const DATA_KEY_KINDS = ["read", "write"] as const;
export const DATA_KEY_KIND_LABELS: Record<(typeof DATA_KEY_KINDS)[number], string> = {
  read: "数据服务凭证（读取）",
  write: "数据写入密钥",
};

export const DataKeySchema = z.object({
  id: Id,
  name: z.string(),
  /** The key's public prefix (the secret is never shown again). */
  prefix: z.string(),
  kind: z.enum(DATA_KEY_KINDS),
  unitId: Id,
  unitName: z.string(),
  /** A credential's grant, its resource and its state; null for a write key. */
  grant: z
    .object({
      id: Id,
      resourceCode: z.string(),
      resourceName: z.string(),
      status: z.enum(GRANT_STATUSES),
      validTo: z.string(),
    })
    .nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DataKey = z.infer<typeof DataKeySchema>;
export const DataKeyListSchema = z.object({ items: z.array(DataKeySchema) });
