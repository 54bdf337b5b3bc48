import { z } from "zod";
import { isoInstant } from "./common.ts";
import { Id } from "./id.ts";

/** GB/T 39734: five levels, 5 = 非常满意 … 1 = 非常不满意; 1–2 are bad ratings. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export const RATING_LABELS: Record<number, string> = {
  5: "非常满意",
  4: "满意",
  3: "基本满意",
  2: "不满意",
  1: "非常不满意",
};
export const isBad = (level: number) => level <= 2;
export const DEFAULT_LEVEL = 3;

export const BAD_REASONS = [
  "办事效率低",
  "服务态度差",
  "多次跑动",
  "材料要求不清",
  "未按承诺时限办结",
  "问题未解决",
  "其他",
] as const;

export const SUBJECT_KINDS = ["service_case", "work_order"] as const;
export const SubjectKindSchema = z.enum(SUBJECT_KINDS, { error: "评价对象只能是办件或工单" });
export const RATING_STATUSES = ["valid", "invalid", "malicious"] as const;
export const RATING_STATUS_LABELS: Record<(typeof RATING_STATUSES)[number], string> = {
  valid: "有效",
  invalid: "无效（申诉成立）",
  malicious: "恶意（申诉成立）",
};
export const APPEAL_STATES = ["none", "pending", "upheld", "rejected"] as const;

/** 8 characters without 0/O and 1/I. */
export const RATING_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;

export const RateInputSchema = z
  .object({
    subjectKind: SubjectKindSchema,
    /** The ticket number or service case number the citizen holds. */
    number: z.string().trim().min(1, { error: "请输入工单号或办件号" }).max(40),
    /** Real-name check: the last four digits of the phone on record. */
    phoneTail: z.string().regex(/^\d{3}[\dXx]$/, { error: "请输入登记手机号或身份证号后4位" }),
    /** The service's rating code (回访 message, track page or booking lookup): a tail alone is guessable. */
    ratingCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(RATING_CODE_PATTERN, { error: "请输入8位评价码（办结回访短信或进度查询页面提供）" }),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
      error: "请选择评价等级（1–5）",
    }),
    reasons: z
      .array(z.enum(BAD_REASONS, { error: "差评原因不在可选范围内" }))
      .max(7)
      .default([]),
    comment: z.string().trim().max(500, { error: "评价内容不超过500字" }).default(""),
  })
  .refine((v) => v.level > 2 || v.reasons.length > 0 || v.comment.length >= 4, {
    error: "差评须选择或填写原因",
    path: ["reasons"],
  });
export type RateInput = z.infer<typeof RateInputSchema>;

export const RatingSchema = z.object({
  id: Id,
  subjectKind: SubjectKindSchema,
  subjectId: Id,
  /** The number people know the service by (办件编号 BJ2022-…, online case or ticket number); null if none. */
  subjectNo: z.string().nullable(),
  subjectLabel: z.string(),
  unitId: Id.nullable(),
  unitName: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  reasons: z.array(z.string()),
  comment: z.string(),
  isDefault: z.boolean(),
  status: z.enum(RATING_STATUSES),
  appeal: z.enum(APPEAL_STATES),
  appealReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  ratedAt: z.string(),
  rectificationWorkOrderId: Id.nullable(),
  /** Only for supervisors: the rated unit never sees who rated it. */
  rater: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type Rating = z.infer<typeof RatingSchema>;

export const RATE_KEYS = [
  "ratings",
  "good",
  "active",
  "activeGood",
  "defaulted",
  "bad",
  "badReplied",
  "rectified",
  "rectifiedOnTime",
  "rectificationFollowedUp",
  "rectificationSatisfied",
] as const;
export const RateKeySchema = z.enum(RATE_KEYS);
export const RatingFilterSchema = z.object({
  from: isoInstant("开始时间须为带时区的 ISO 8601 时间").optional(),
  to: isoInstant("结束时间须为带时区的 ISO 8601 时间").optional(),
  unitId: Id.optional(),
  subjectKind: SubjectKindSchema.optional(),
  metric: RateKeySchema.optional(),
  windowName: z.string().trim().min(1).max(100).optional(),
  staffName: z.string().trim().min(1).max(100).optional(),
  itemCode: z.string().trim().min(1).max(40).optional(),
  /** 申诉 state: the supervisor's queue of appeals to decide is `pending`. */
  appeal: z.enum(APPEAL_STATES, { error: "申诉状态只能是 none、pending、upheld 或 rejected" }).optional(),
});
export const RatingListQuerySchema = RatingFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const RatingListSchema = z.object({ items: z.array(RatingSchema), total: z.number().int() });
export const RateRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  counts: z.record(RateKeySchema, z.number().int()),
  /** Cases (hall and online) finished in the period, and those of them without an active rating. */
  cases: z.number().int(),
  unratedCases: z.number().int(),
  goodRate: z.number().nullable(),
  activeGoodRate: z.number().nullable(),
  unratedRate: z.number().nullable(),
  badReplyRate: z.number().nullable(),
  rectificationRate: z.number().nullable(),
  onTimeRectificationRate: z.number().nullable(),
  rectificationSatisfactionRate: z.number().nullable(),
});
export const RatesSchema = z.object({
  total: RateRowSchema,
  groups: z.array(RateRowSchema),
  formulas: z.record(z.string(), z.string()),
});
/** Window, staff and item groups hold the ratings that name one (hall and online cases). */
export const RATE_GROUPS = ["none", "unit", "window", "staff", "item", "month"] as const;
export type RateGroup = (typeof RATE_GROUPS)[number];
export const RatesQuerySchema = RatingFilterSchema.omit({ metric: true }).extend({
  groupBy: z.enum(RATE_GROUPS, { error: "分组方式不正确" }).default("none"),
});
export const AppealInputSchema = z.object({
  reason: z.string().trim().min(4, { error: "请写明申诉理由（至少4个字）" }).max(1000),
});
export const DecideAppealInputSchema = z.object({
  outcome: z.enum(["invalid", "malicious", "rejected"], { error: "请选择审核结论" }),
  reason: z.string().trim().min(4, { error: "请写明审核意见（至少4个字）" }).max(1000),
});
export const PublicDisclosureSchema = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  units: z.array(
    z.object({
      unitName: z.string(),
      ratings: z.number().int(),
      goodRate: z.number().nullable(),
      bad: z.number().int(),
      rectified: z.number().int(),
      rectifying: z.number().int(),
    }),
  ),
});
