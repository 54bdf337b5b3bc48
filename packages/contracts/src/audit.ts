import { z } from "zod";
import { isoInstant } from "./common.ts";

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorType: z.enum(["user", "api_key", "system"]),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.object({
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(60).optional(),
  from: isoInstant("开始时间须为 ISO 8601 时间").optional(),
  to: isoInstant("结束时间须为 ISO 8601 时间").optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema), total: z.number().int() });
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
