import { z } from "zod";
import { idOf } from "./id.ts";

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

export const IdParamSchema = z.object({ id: idOf("id 必须是 UUID") });
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

/** Years a government service record can fall in: wider dates only break date arithmetic. */
export const SERVICE_ERA = { from: 1900, to: 2199 } as const;

/** True when the YYYY-MM-DD at the start of `s` names a real day (no 2026-02-30) inside SERVICE_ERA. */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) {
    return false;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    y >= SERVICE_ERA.from &&
    y <= SERVICE_ERA.to &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}

export const DAY_OUT_OF_RANGE = `日期不存在或超出 ${SERVICE_ERA.from}–${SERVICE_ERA.to} 年`;

/** A calendar day, YYYY-MM-DD, that exists and lies in SERVICE_ERA. */
export const isoDay = (error = "日期格式应为 YYYY-MM-DD") =>
  z.iso.date({ error }).refine(isRealDay, { error: DAY_OUT_OF_RANGE });

/** An instant with a zone offset (ISO 8601) whose day exists and lies in SERVICE_ERA. */
export const isoInstant = (error = "时间须为带时区的 ISO 8601 时间") =>
  z.iso.datetime({ offset: true, error }).refine(isRealDay, { error: DAY_OUT_OF_RANGE });

/** Public pages name their district by its GB/T 2260 code (?tenant=440115). */
export const PublicTenantQuerySchema = z.object({
  tenant: z
    .string()
    .regex(/^\d{6}$/, { error: "地区代码为6位数字" })
    .optional(),
});
