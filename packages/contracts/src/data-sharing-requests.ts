import { z } from "zod";
import { isoDay } from "./common.ts";
import { FieldNameSchema, ResourceCodeSchema } from "./data-sharing.ts";
import { Id, idOf } from "./id.ts";

// 共享申请 and 共享授权: a unit requests a resource; the provider approves (possibly less) or refuses.

const Day = isoDay("日期格式应为 YYYY-MM-DD");

export const REQUEST_STATUSES = ["pending", "granted", "refused"] as const;
export const REQUEST_STATUS_LABELS: Record<(typeof REQUEST_STATUSES)[number], string> = {
  pending: "待审批",
  granted: "已授权",
  refused: "已拒绝",
};
export const GRANT_STATUSES = ["active", "not_started", "expired", "revoked"] as const;

export const RequestInputSchema = z
  .object({
    resourceCode: ResourceCodeSchema,
    consumerUnitId: idOf("请选择申请单位"),
    purpose: z.string({ error: "请填写用途" }).trim().min(4, { error: "用途至少4个字" }).max(500),
    legalBasis: z.string({ error: "请填写依据" }).trim().min(2, { error: "请填写申请依据" }).max(500),
    fields: z.array(FieldNameSchema).min(1, { error: "至少申请一个信息项" }).max(300),
    periodFrom: Day,
    periodTo: Day,
  })
  .refine((r) => r.periodFrom <= r.periodTo, { path: ["periodTo"], message: "使用期限的结束日期不能早于开始日期" });
export type RequestInput = z.infer<typeof RequestInputSchema>;

export const DecisionInputSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({
      decision: z.literal("approve"),
      /** Fewer fields than requested, if the provider grants less. */
      fields: z.array(FieldNameSchema).min(1, { error: "至少授权一个信息项" }).optional(),
      /** A shorter period than requested. */
      periodFrom: Day.optional(),
      periodTo: Day.optional(),
      conditions: z.string().trim().max(1000).default(""),
      /** Personal-data fields are served unmasked only when the provider says so. */
      personal: z.boolean().default(false),
    }),
    z.object({
      decision: z.literal("refuse"),
      reason: z.string({ error: "请填写拒绝理由" }).trim().min(2, { error: "请填写拒绝理由" }).max(1000),
    }),
  ],
  { error: "审批结论只能是同意（approve）或拒绝（refuse）" },
);
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const RevokeInputSchema = z.object({
  reason: z.string({ error: "请填写撤销理由" }).trim().min(2, { error: "请填写撤销理由" }).max(1000),
});

export const GrantSchema = z.object({
  id: Id,
  requestId: Id,
  resourceCode: z.string(),
  consumerUnitId: Id,
  fields: z.array(z.string()),
  personal: z.boolean(),
  conditions: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(GRANT_STATUSES),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const DataRequestSchema = z.object({
  id: Id,
  resourceCode: z.string(),
  resourceName: z.string(),
  providerName: z.string(),
  consumerUnitId: Id,
  consumerName: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  fields: z.array(z.string()),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(REQUEST_STATUSES),
  /** The provider's deadline to decide: working days on the statutory calendar. */
  dueAt: z.string().nullable(),
  /** A pending request's deadline: due within one working day (即将到期) or past it (已超期). */
  deadline: z.enum(["due_soon", "overdue"]).nullish(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  grant: GrantSchema.nullable(),
});
export type DataRequest = z.infer<typeof DataRequestSchema>;
export const DataRequestListSchema = z.object({ total: z.number().int(), items: z.array(DataRequestSchema) });
export const RequestListQuerySchema = z.object({
  box: z
    .enum(["mine", "to_approve"], { error: "box 只能是 mine（本单位的申请）或 to_approve（待我审批）" })
    .default("mine"),
  status: z.enum(REQUEST_STATUSES).optional(),
  /** One resource's requests (its page lists the grants on it). */
  resourceCode: ResourceCodeSchema.optional(),
  /** Pending requests whose latest deadline reminder is this stage (the workbench's counts open these). */
  deadline: z
    .enum(["due_soon", "overdue"], { error: "deadline 只能是 due_soon（即将到期）或 overdue（已超期）" })
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A data-service credential: an API key bound to one grant; the secret is shown once. */
export const GrantCredentialSchema = z.object({ keyId: Id, prefix: z.string(), secret: z.string(), grantId: Id });
