import { z } from "zod";

/** The one error shape every API answer uses on failure. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const IdParamSchema = z.object({ id: z.uuid({ error: "id 必须是 UUID" }) });
export type IdParam = z.infer<typeof IdParamSchema>;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const OkSchema = z.object({ ok: z.literal(true) });

export const ROLES = [
  "admin",
  "dispatcher",
  "handler",
  "hall_staff",
  "catalog_manager",
  "supervisor",
  "finance_officer",
  "data_officer",
  "leader",
  "auditor",
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  dispatcher: "派单员（12345分中心）",
  handler: "承办人",
  hall_staff: "窗口人员",
  catalog_manager: "事项管理员",
  supervisor: "监督员（好差评）",
  finance_officer: "财务绩效专员",
  data_officer: "数据专员",
  leader: "领导",
  auditor: "审计员",
};

/** Public pages name their district by its GB/T 2260 code (?tenant=440115). */
export const PublicTenantQuerySchema = z.object({
  tenant: z
    .string()
    .regex(/^\d{6}$/, { error: "地区代码为6位数字" })
    .optional(),
});
