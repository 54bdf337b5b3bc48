import { z } from "zod";
import { isoInstant } from "./common.ts";
import { Id, idOf } from "./id.ts";

export const WO_KINDS = ["hotline", "bad_rating", "grid_event", "deputies"] as const;
export const WoKindSchema = z.enum(WO_KINDS, {
  error: "工单类型只能是 12345热线、差评整改、网格事件、两代表一委员 之一",
});
export type WoKind = z.infer<typeof WoKindSchema>;
export const WO_KIND_LABELS: Record<WoKind, string> = {
  hotline: "12345热线",
  bad_rating: "差评整改",
  grid_event: "网格事件",
  deputies: "两代表一委员",
};

export const WO_CATEGORIES = ["consult", "help", "complaint", "report", "suggestion"] as const;
export const WoCategorySchema = z.enum(WO_CATEGORIES, {
  error: "诉求分类只能是 咨询、求助、投诉、举报、意见建议 之一",
});
export type WoCategory = z.infer<typeof WoCategorySchema>;
export const WO_CATEGORY_LABELS: Record<WoCategory, string> = {
  consult: "咨询",
  help: "求助",
  complaint: "投诉",
  report: "举报",
  suggestion: "意见建议",
};

export const WO_URGENCIES = ["normal", "urgent"] as const;
export const WoUrgencySchema = z.enum(WO_URGENCIES, { error: "紧急程度只能是 一般 或 紧急" });
export type WoUrgency = z.infer<typeof WoUrgencySchema>;
export const WO_URGENCY_LABELS: Record<WoUrgency, string> = { normal: "一般", urgent: "紧急" };

export const WO_CHANNELS = [
  "city_12345",
  "phone",
  "web",
  "mini_program",
  "ai_reporter",
  "open311",
  "deputies_studio",
  "evaluation",
] as const;
export const WoChannelSchema = z.enum(WO_CHANNELS, { error: "来源渠道不在可选范围内" });
export type WoChannel = z.infer<typeof WoChannelSchema>;
export const WO_CHANNEL_LABELS: Record<WoChannel, string> = {
  city_12345: "市12345平台转办",
  phone: "电话",
  web: "网站",
  mini_program: "小程序",
  ai_reporter: "AI智慧网格员",
  open311: "Open311接口",
  deputies_studio: "10号工作室",
  evaluation: "好差评",
};

/** domain-rules §1; `merged` = folded into a master ticket as a duplicate. */
export const WO_STATUSES = [
  "received",
  "dispatched",
  "accepted",
  "in_progress",
  "return_requested",
  "extension_requested",
  "replied",
  "follow_up",
  "closed",
  "archived",
  "merged",
] as const;
export const WoStatusSchema = z.enum(WO_STATUSES);
export type WoStatus = z.infer<typeof WoStatusSchema>;
/** Not yet closed, archived or merged: the backlog, the overdue checks and the cockpit count these. */
export const OPEN_STATUSES: readonly WoStatus[] = [
  "received",
  "dispatched",
  "accepted",
  "in_progress",
  "return_requested",
  "extension_requested",
  "replied",
  "follow_up",
];
export const WO_STATUS_LABELS: Record<WoStatus, string> = {
  received: "待派单",
  dispatched: "待签收",
  accepted: "已签收",
  in_progress: "办理中",
  return_requested: "退单审核中",
  extension_requested: "延期审核中",
  replied: "待审核答复",
  follow_up: "待回访",
  closed: "已办结",
  archived: "已归档",
  merged: "已合并",
};

export const WO_ACTIONS = [
  "dispatch",
  "accept",
  "start",
  "reply",
  "approve_reply",
  "reject_reply",
  "follow_up",
  "request_return",
  "approve_return",
  "reject_return",
  "request_extension",
  "approve_extension",
  "reject_extension",
  "archive",
] as const;
export const WoActionSchema = z.enum(WO_ACTIONS);
export type WoAction = z.infer<typeof WoActionSchema>;
export const WO_ACTION_LABELS: Record<WoAction, string> = {
  dispatch: "派单",
  accept: "签收",
  start: "开始办理",
  reply: "答复",
  approve_reply: "审核通过",
  reject_reply: "审核退回",
  follow_up: "回访",
  request_return: "申请退单",
  approve_return: "同意退单",
  reject_return: "驳回退单",
  request_extension: "申请延期",
  approve_extension: "同意延期",
  reject_extension: "驳回延期",
  archive: "归档",
};

export const SATISFACTION_LEVELS = [5, 4, 3, 2, 1] as const;
export const SATISFACTION_LABELS: Record<number, string> = {
  5: "非常满意",
  4: "满意",
  3: "基本满意",
  2: "不满意",
  1: "非常不满意",
};
export const SUPERVISION_LABELS: Record<number, string> = { 0: "无", 1: "催办", 2: "督办", 3: "通报" };

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必填` })
    .trim()
    .min(1, { error: `${label}必填` })
    .max(max, { error: `${label}不能超过${max}字` });
const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { error: "电话号码格式不正确" });

/** What the city 12345 platform forwards; `cityTicketNo` makes intake idempotent. */
export const CityTicketInputSchema = z.object({
  cityTicketNo: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, { error: "市平台工单号应为6–40位字母、数字或-" }),
  receivedAt: z.iso.datetime({ offset: true, error: "受理时间须为带时区的 ISO 8601 时间" }),
  kind: WoKindSchema.default("hotline"),
  category: WoCategorySchema,
  urgency: WoUrgencySchema.default("normal"),
  channel: WoChannelSchema.default("city_12345"),
  title: text("标题", 100),
  content: text("诉求内容", 4000),
  callerName: z.string().trim().max(30).optional(),
  callerPhone: phone.optional(),
  townCode: z
    .string()
    .regex(/^\d{9}$/, { error: "镇街代码应为9位" })
    .optional(),
  communityCode: z
    .string()
    .regex(/^\d{12}$/, { error: "村居代码应为12位" })
    .optional(),
  address: z.string().trim().max(200).optional(),
  campaignTags: z.array(z.string().trim().min(1).max(30)).max(5).default([]),
});
export type CityTicketInput = z.infer<typeof CityTicketInputSchema>;

export const TransitionInputSchema = z.object({
  action: WoActionSchema,
  reason: z.string().trim().max(1000).optional(),
  /** dispatch: the unit that should handle the ticket. */
  unitId: idOf("承办单位ID格式不正确").optional(),
  /** approve_extension: working days granted (≤ the original limit). */
  extensionDays: z.number().int().min(1).max(60).optional(),
  /** follow_up: false when the caller could not be reached (closed without a rating). */
  reached: z.boolean().optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  resolved: z.boolean().optional(),
  unitAtFault: z.boolean().optional(),
  praise: z.boolean().optional(),
  attachments: z
    .array(z.object({ name: z.string().max(200), url: z.string().max(500) }))
    .max(10)
    .default([]),
});
export type TransitionInput = z.infer<typeof TransitionInputSchema>;

export const DUE_STATES = ["ok", "due_soon", "overdue", "done"] as const;
export const DueStateSchema = z.enum(DUE_STATES);

export const WorkOrderEventSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  unitName: z.string().nullable(),
  at: z.string(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const WorkOrderSchema = z.object({
  id: Id,
  number: z.string(),
  externalNo: z.string().nullable(),
  kind: WoKindSchema,
  category: WoCategorySchema,
  urgency: WoUrgencySchema,
  channel: WoChannelSchema,
  title: z.string(),
  content: z.string(),
  /** Masked (张*, 138****5678); full contacts come from the audited contacts endpoint. */
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  townId: Id.nullable(),
  townName: z.string().nullable(),
  communityId: Id.nullable(),
  communityName: z.string().nullable(),
  address: z.string().nullable(),
  keywords: z.array(z.string()),
  campaignTags: z.array(z.string()),
  status: WoStatusSchema,
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  receivedAt: z.string(),
  acceptDueAt: z.string(),
  closeDueAt: z.string(),
  dueState: DueStateSchema,
  acceptedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  extensionCount: z.number().int(),
  redoCount: z.number().int(),
  returnCount: z.number().int(),
  improperReturnCount: z.number().int(),
  supervisionLevel: z.number().int(),
  satisfaction: z.number().int().nullable(),
  resolved: z.boolean().nullable(),
  praise: z.boolean(),
  masterId: Id.nullable(),
  duplicateOf: Id.nullable(),
  /** Actions this actor may take now (computed by the server's rules). */
  actions: z.array(WoActionSchema),
  canSupervise: z.boolean(),
  canMerge: z.boolean(),
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;
export const WorkOrderDetailSchema = WorkOrderSchema.extend({ events: z.array(WorkOrderEventSchema) });
export type WorkOrderDetail = z.infer<typeof WorkOrderDetailSchema>;

export const WO_QUEUES = [
  "new",
  "due_soon",
  "overdue",
  "awaiting_review",
  "awaiting_follow_up",
  "inbox",
  "supervised",
  "duplicates",
] as const;
export const WoQueueSchema = z.enum(WO_QUEUES);
export const WO_METRIC_KEYS = [
  "volume",
  "acceptDue",
  "acceptOnTime",
  "closeDue",
  "closeOnTime",
  "closed",
  "followedUp",
  "satisfied",
  "resolvedKnown",
  "resolved",
  "redo",
  "returns",
  "improperReturns",
  "praises",
] as const;
export const WoMetricKeySchema = z.enum(WO_METRIC_KEYS);
export type WoMetricKey = z.infer<typeof WoMetricKeySchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).max(20)).optional();

/** Filters shared by the list, the Excel export and the metrics, so a figure opens to its rows. */
export const WorkOrderFilterSchema = z.object({
  queue: WoQueueSchema.optional(),
  status: csv(WoStatusSchema),
  kind: WoKindSchema.optional(),
  category: WoCategorySchema.optional(),
  urgency: WoUrgencySchema.optional(),
  channel: WoChannelSchema.optional(),
  unitId: Id.optional(),
  townId: Id.optional(),
  campaign: z.string().trim().max(30).optional(),
  q: z.string().trim().max(50).optional(),
  from: isoInstant("开始时间须为带时区的 ISO 8601 时间").optional(),
  to: isoInstant("结束时间须为带时区的 ISO 8601 时间").optional(),
  metric: WoMetricKeySchema.optional(),
});
export type WorkOrderFilter = z.infer<typeof WorkOrderFilterSchema>;
export const WorkOrderListQuerySchema = WorkOrderFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const WorkOrderListSchema = z.object({ items: z.array(WorkOrderSchema), total: z.number().int() });

export const METRIC_GROUPS = ["none", "unit", "category", "kind", "campaign", "town", "month"] as const;
export const MetricsQuerySchema = WorkOrderFilterSchema.omit({ queue: true, metric: true, status: true }).extend({
  groupBy: z.enum(METRIC_GROUPS).default("none"),
});
export const MetricRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  counts: z.record(WoMetricKeySchema, z.number().int()),
  previousVolume: z.number().int(),
  yoyGrowth: z.number().nullable(),
  onTimeAcceptRate: z.number().nullable(),
  onTimeCloseRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  redoRate: z.number().nullable(),
});
export type MetricRow = z.infer<typeof MetricRowSchema>;
export const MetricsSchema = z.object({
  total: MetricRowSchema,
  groups: z.array(MetricRowSchema),
  formulas: z.record(z.string(), z.string()),
});

export const SuggestionSchema = z.object({
  unitId: Id,
  unitName: z.string(),
  score: z.number(),
  reason: z.string(),
});
export const SuggestionListSchema = z.object({ items: z.array(SuggestionSchema) });
export const DuplicateCandidateSchema = z.object({ workOrder: WorkOrderSchema, similarity: z.number() });
export const DuplicateListSchema = z.object({ items: z.array(DuplicateCandidateSchema) });
export const MergeInputSchema = z.object({ masterId: idOf("主工单ID格式不正确") });
export const SuperviseInputSchema = z.object({ reason: z.string().trim().max(500).optional() });
export const BulkTransitionInputSchema = z.object({
  ids: z.array(Id).min(1, { error: "请选择工单" }).max(200),
  transition: TransitionInputSchema,
});
export const BulkResultSchema = z.object({
  results: z.array(z.object({ id: Id, ok: z.boolean(), error: z.string().nullable() })),
});
export const ContactListSchema = z.object({
  items: z.array(z.object({ name: z.string().nullable(), phone: z.string().nullable(), merged: z.boolean() })),
  /** What the centre says or sends when following the caller up (回访): where to rate, with the rating code. */
  followUpMessage: z.string().nullable().optional(),
});
export const IntakeResultSchema = z.object({
  id: Id,
  number: z.string(),
  created: z.boolean(),
  status: WoStatusSchema,
});
export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  existing: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
export const PublicStatusQuerySchema = z.object({
  phoneTail: z.string().regex(/^\d{4}$/, { error: "请输入来电号码后4位" }),
  /** The district's code; without it every district's tickets are searched. */
  tenant: z
    .string()
    .regex(/^\d{6}$/, { error: "地区代码为6位数字" })
    .optional(),
});
export const PublicStatusSchema = z.object({
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  closeDueAt: z.string(),
  closedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), label: z.string() })),
  /** Once closed: the code the caller gives with the phone tail to rate the service. */
  ratingCode: z.string().nullable(),
});
