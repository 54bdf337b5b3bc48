import { z } from "zod";
import { isoDay } from "./common.ts";
import { Id, idOf } from "./id.ts";
import { ID_NUMBER_MESSAGES } from "./id-number.ts";

export const DEFERRAL_STATUSES = ["awaiting", "made_up", "terminated"] as const;
export type DeferralStatus = (typeof DEFERRAL_STATUSES)[number];
export const DEFERRAL_STATUS_LABELS: Record<DeferralStatus, string> = {
  awaiting: "待补正",
  made_up: "已补齐",
  terminated: "已终止",
};
export const DEFERRAL_EVENT_LABELS: Record<string, string> = {
  accept: "容缺受理",
  remind: "补正提醒",
  make_up: "材料补齐",
  terminate: "终止办理",
};

const Day = isoDay("日期格式应为 YYYY-MM-DD");

export const CreateDeferralInputSchema = z.object({
  caseId: idOf("请填写正确的办件编号"),
  missingMaterials: z
    .array(z.string().trim().min(1, { error: "材料名称不能为空" }).max(100))
    .min(1, { error: "请列出容缺的材料" })
    .max(20),
  promiseText: z
    .string()
    .trim()
    .min(10, { error: "请录入申请人签署的容缺承诺书内容（不少于10字）" })
    .max(2000, { error: "承诺书内容不超过2000字" }),
  promiseSignedAt: z.iso.datetime({ offset: true, error: "请填写承诺书签署时间" }),
  /** The day the materials are due (by 17:00); by default the promised processing deadline. */
  makeUpDueOn: Day.optional(),
});
export type CreateDeferralInput = z.infer<typeof CreateDeferralInputSchema>;

export const DeferralActionInputSchema = z.object({
  action: z.enum(["make_up", "terminate"], { error: "操作只能是材料补齐或终止办理" }),
  note: z.string().trim().min(2, { error: "请填写说明（不少于2字）" }).max(500, { error: "说明不超过500字" }),
});
export type DeferralActionInput = z.infer<typeof DeferralActionInputSchema>;

export const DeferralEventSchema = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
});

export const DeferralSchema = z.object({
  id: Id,
  caseId: Id,
  /** 办件编号 (BJ2022-0000001) as staff and citizen know the case; null until the case is numbered. */
  caseNo: z.string().nullable(),
  hallId: Id,
  hallName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  personName: z.string().nullable(),
  /** Masked. */
  idNumber: z.string(),
  phone: z.string().nullable(),
  missingMaterials: z.array(z.string()),
  promiseText: z.string(),
  promiseSignedAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime(),
  promisedLimitDays: z.number().int(),
  promisedDueAt: z.iso.datetime(),
  makeUpDueAt: z.iso.datetime(),
  status: z.enum(DEFERRAL_STATUSES),
  remindersSent: z.number().int(),
  closedAt: z.iso.datetime().nullable(),
  closeNote: z.string().nullable(),
  events: z.array(DeferralEventSchema),
});
export type Deferral = z.infer<typeof DeferralSchema>;

export const DeferralListQuerySchema = z.object({
  status: z.enum(DEFERRAL_STATUSES, { error: "状态不在可选范围内" }).optional(),
  hallId: idOf("大厅编号格式不正确").optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const DeferralListSchema = z.object({
  items: z.array(DeferralSchema.omit({ events: true, promiseText: true })),
  total: z.number().int(),
});

export const CreditFlagInputSchema = z.object({
  /** Checked in full (region, birth date, check digit) by the server against its clock. */
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, { error: ID_NUMBER_MESSAGES.format }),
  personName: z.string().trim().min(2, { error: "请填写姓名" }).max(40),
  reason: z.string().trim().min(2, { error: "请填写失信事由" }).max(500),
  source: z.string().trim().min(2, { error: "请填写认定来源（如“信用中国（广东）”）" }).max(100),
  listedOn: Day,
});
export type CreditFlagInput = z.infer<typeof CreditFlagInputSchema>;
export const LiftCreditFlagInputSchema = z.object({
  note: z.string().trim().min(2, { error: "请填写移出原因" }).max(500),
});
export const CreditFlagSchema = z.object({
  id: Id,
  idNumber: z.string(),
  personName: z.string(),
  reason: z.string(),
  source: z.string(),
  listedOn: z.string(),
  liftedAt: z.iso.datetime().nullable(),
  liftNote: z.string().nullable(),
});
export const CreditFlagListSchema = z.object({ items: z.array(CreditFlagSchema), total: z.number().int() });

/** What the window sees before registering: the case's item, its deferrable materials and the latest deadline. */
export const DeferralOptionsSchema = z.object({
  caseId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  personName: z.string().nullable(),
  idNumber: z.string().nullable(),
  onList: z.boolean(),
  deferrableMaterials: z.array(z.string()),
  promisedLimitDays: z.number().int().nullable(),
  promisedDueAt: z.iso.datetime().nullable(),
  /** Why 容缺 cannot be used for this case, if it cannot (in Chinese); null when it can. */
  refusal: z.string().nullable(),
});
export type DeferralOptions = z.infer<typeof DeferralOptionsSchema>;
