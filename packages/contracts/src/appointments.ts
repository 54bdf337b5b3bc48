import { z } from "zod";
import { DAY_OUT_OF_RANGE, isRealDay } from "./common.ts";
import { VisitSliceSchema } from "./hall-waits.ts";
import { Id, idOf } from "./id.ts";
import { PHONE_PATTERN } from "./id-number.ts";

export const HALL_LEVELS = ["district", "town", "village"] as const;
export const HallLevelSchema = z.enum(HALL_LEVELS, { error: "大厅层级只能是 区、镇街、村居 之一" });
export type HallLevel = z.infer<typeof HallLevelSchema>;
export const HALL_LEVEL_LABELS: Record<HallLevel, string> = {
  district: "区政务服务中心",
  town: "镇（街）政务服务中心",
  village: "村（社区）党群服务站",
};

export const BOOKING_STATUSES = ["booked", "checked_in", "served", "cancelled", "no_show"] as const;
export const BookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatusSchema>;
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: "已预约",
  checked_in: "已取号",
  served: "已办理",
  cancelled: "已取消",
  no_show: "爽约",
};

export const TICKET_STATUSES = ["waiting", "called", "serving", "done", "skipped"] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: "等候中",
  called: "已叫号",
  serving: "办理中",
  done: "已办结",
  skipped: "已过号",
};

export const CASE_RESULTS = ["completed", "accepted", "deferred", "rejected", "consulted"] as const;
export const CaseResultSchema = z.enum(CASE_RESULTS, { error: "办理结果不在可选范围内" });
export type CaseResult = z.infer<typeof CaseResultSchema>;
export const CASE_RESULT_LABELS: Record<CaseResult, string> = {
  completed: "即办办结",
  accepted: "已受理",
  deferred: "容缺受理",
  rejected: "不予受理",
  consulted: "咨询",
};

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "时间格式应为 HH:mm" });
export const HallSessionSchema = z
  .object({ start: Hhmm, end: Hhmm })
  .refine((s) => s.start < s.end, { error: "结束时间须晚于开始时间" });

/** domain-rules §4 limits; every value is per-tenant configuration. */
export const AppointmentSettingsSchema = z.object({
  horizonWorkdays: z.number().int().min(1).max(60),
  maxActivePerDayHall: z.number().int().min(1).max(10),
  cancelBeforeMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  noShowLimit: z.number().int().min(1).max(100),
  noShowWindowDays: z.number().int().min(1).max(365),
  blockDays: z.number().int().min(0).max(365),
  maxCalls: z.number().int().min(1).max(10),
  slotMinutes: z.number().int().min(10).max(240),
  sessions: z.array(HallSessionSchema).min(1).max(6),
});
export type AppointmentSettings = z.infer<typeof AppointmentSettingsSchema>;
export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = {
  horizonWorkdays: 5,
  maxActivePerDayHall: 1,
  cancelBeforeMinutes: 120,
  noShowLimit: 3,
  noShowWindowDays: 90,
  blockDays: 30,
  maxCalls: 3,
  slotMinutes: 30,
  sessions: [
    { start: "09:00", end: "12:00" },
    { start: "13:00", end: "17:00" },
  ],
};

export const DayStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" })
  // 2022-13-45 has the right shape but is no date: refuse it here rather than in SQL.
  .refine(isRealDay, { error: DAY_OUT_OF_RANGE });

export const HallItemSchema = z.object({
  itemCode: z.string().trim().min(1).max(64),
  itemName: z.string().trim().min(1).max(200),
  bookable: z.boolean().default(true),
});
export const WindowSchema = z.object({
  id: Id,
  name: z.string(),
  /** The clerk assigned to the window (only they may work it); null while unassigned. */
  staffUserId: Id.nullable(),
  staffName: z.string().nullable(),
});
export const AssignWindowStaffInputSchema = z.object({ userId: Id.nullable() });
export type AssignWindowStaffInput = z.infer<typeof AssignWindowStaffInputSchema>;
export const HallClerkSchema = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  windowId: Id.nullable(),
  windowName: z.string().nullable(),
});
export const HallClerkListSchema = z.object({ items: z.array(HallClerkSchema) });
export type HallClerk = z.infer<typeof HallClerkSchema>;
export const WindowGroupSchema = z.object({
  id: Id,
  prefix: z.string(),
  name: z.string(),
  slotCapacity: z.number().int(),
  items: z.array(HallItemSchema),
  windows: z.array(WindowSchema),
});
export type WindowGroup = z.infer<typeof WindowGroupSchema>;
export const HallSchema = z.object({
  id: Id,
  name: z.string(),
  level: HallLevelSchema,
  orgUnitId: Id,
  address: z.string().nullable(),
  /** Null: the tenant's opening sessions apply. */
  sessions: z.array(HallSessionSchema).nullable(),
});
export type Hall = z.infer<typeof HallSchema>;
export const HallDetailSchema = HallSchema.extend({
  groups: z.array(WindowGroupSchema),
  closures: z.array(z.object({ day: z.string(), reason: z.string() })),
});
export type HallDetail = z.infer<typeof HallDetailSchema>;
export const HallListSchema = z.object({ items: z.array(HallSchema) });

export const CreateHallInputSchema = z.object({
  orgUnitId: idOf("请选择大厅所属机构"),
  name: z.string().trim().min(2, { error: "大厅名称至少2个字" }).max(100),
  address: z.string().trim().max(200).optional(),
  sessions: z.array(HallSessionSchema).min(1).max(6).optional(),
});
export const HallHoursInputSchema = z.object({
  sessions: z.array(HallSessionSchema).min(1, { error: "至少一个开放时段" }).max(6).nullable(),
});
export const CreateWindowGroupInputSchema = z.object({
  prefix: z.string().regex(/^[A-Z]$/, { error: "号段前缀须为一个大写字母" }),
  name: z.string().trim().min(1, { error: "请输入窗口组名称" }).max(100),
  slotCapacity: z.number().int().min(1, { error: "每时段容量至少为1" }).max(500),
  items: z.array(HallItemSchema).min(1, { error: "至少添加一个办理事项" }).max(2000),
  windows: z.array(z.string().trim().min(1).max(50)).min(1, { error: "至少添加一个窗口" }).max(100),
});
export type CreateWindowGroupInput = z.infer<typeof CreateWindowGroupInputSchema>;
export const ClosureInputSchema = z.object({
  day: DayStringSchema,
  reason: z.string().trim().min(1, { error: "请填写闭厅原因" }).max(200),
});
export const GenerateSlotsInputSchema = z.object({ workdays: z.number().int().min(1).max(60).default(30) });
export const GenerateSlotsResultSchema = z.object({ created: z.number().int(), days: z.array(z.string()) });

export const SlotSchema = z.object({
  id: Id,
  groupId: Id,
  day: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export type Slot = z.infer<typeof SlotSchema>;
export const SlotListSchema = z.object({ items: z.array(SlotSchema) });
export const SlotQuerySchema = z.object({
  groupId: idOf("请选择窗口组").optional(),
  day: DayStringSchema.optional(),
});

const IdNumberInput = z
  .string({ error: "请输入身份证号" })
  .trim()
  .max(18, { error: "身份证号须为18位" })
  .transform((s) => s.toUpperCase());
const PhoneInput = z
  .string({ error: "请输入手机号" })
  .trim()
  .regex(PHONE_PATTERN, { error: "手机号须为11位大陆手机号" });

export const BookInputSchema = z.object({
  slotId: idOf("请选择预约时段"),
  itemCode: z.string().trim().min(1, { error: "请选择办理事项" }).max(64),
  personName: z.string().trim().min(2, { error: "请输入真实姓名" }).max(40),
  idNumber: IdNumberInput,
  phone: PhoneInput,
});
export type BookInput = z.infer<typeof BookInputSchema>;
export const BookingCodeParamSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{10}$/, { error: "预约码为10位大写字母和数字" }),
});
/** The booker proves it is theirs with the full ID number or the phone number used to book. */
export const VerifyInputSchema = z.object({
  verify: z.string({ error: "请输入身份证号或手机号" }).trim().min(11).max(18),
});
export const RescheduleInputSchema = VerifyInputSchema.extend({ slotId: idOf("请选择新的时段") });

export const PublicBookingSchema = z.object({
  code: z.string(),
  status: BookingStatusSchema,
  hallId: Id,
  hallName: z.string(),
  hallAddress: z.string().nullable(),
  groupId: Id,
  groupName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  personName: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  cancelDeadline: z.iso.datetime(),
  /** The holder's finished services from this booking, each ratable by its number (好差评). */
  servedCases: z
    .array(
      z.object({
        /** The 办件编号 (BJ2022-0000001), or the id of a case written before numbers existed. */
        number: z.string(),
        itemName: z.string(),
        finishedAt: z.iso.datetime(),
        /** Given to the person served only (after the booking's proof), asked for when rating. */
        ratingCode: z.string().optional(),
      }),
    )
    .optional(),
});
export type PublicBooking = z.infer<typeof PublicBookingSchema>;

export const BookingSchema = PublicBookingSchema.extend({ id: Id, createdAt: z.iso.datetime() });
export type Booking = z.infer<typeof BookingSchema>;
export const BookingListSchema = z.object({ items: z.array(BookingSchema), total: z.number().int() });

export const CheckInInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("booking"),
    code: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{10}$/, { error: "预约码为10位大写字母和数字" })),
  }),
  z.object({
    kind: z.literal("walk_in"),
    groupId: idOf("请选择窗口组"),
    itemCode: z.string().trim().min(1, { error: "请选择办理事项" }).max(64),
    personName: z.string().trim().max(40).optional(),
    idNumber: IdNumberInput.optional(),
    phone: PhoneInput.optional(),
  }),
]);
export type CheckInInput = z.infer<typeof CheckInInputSchema>;

export const TicketSchema = z.object({
  id: Id,
  number: z.string(),
  hallId: Id,
  groupId: Id,
  groupName: z.string(),
  itemName: z.string(),
  kind: z.enum(["booking", "walk_in"]),
  status: TicketStatusSchema,
  personName: z.string().nullable(),
  windowId: Id.nullable(),
  windowName: z.string().nullable(),
  callCount: z.number().int(),
  priorityAt: z.iso.datetime(),
  checkedInAt: z.iso.datetime(),
  calledAt: z.iso.datetime().nullable(),
  startedAt: z.iso.datetime().nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;
export const QueueQuerySchema = z.object({ windowId: idOf("请选择窗口").optional() });
export const QueueSchema = z.object({
  current: TicketSchema.nullable(),
  waiting: z.array(TicketSchema),
  maxCalls: z.number().int(),
});
export type Queue = z.infer<typeof QueueSchema>;
export const TicketListSchema = z.object({ items: z.array(TicketSchema), total: z.number().int() });

/** Items beyond the ticket's own that one visit may finish at a window. */
export const MAX_EXTRA_ITEMS = 4;
export const WindowActionInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("call_next") }),
  z.object({ action: z.literal("recall") }),
  z.object({ action: z.literal("skip") }),
  z.object({ action: z.literal("start") }),
  z.object({ action: z.literal("transfer"), groupId: idOf("请选择转往的窗口组") }),
  z.object({
    action: z.literal("finish"),
    result: CaseResultSchema,
    note: z.string().trim().max(500).optional(),
    /** Further items of the window group finished in the same visit (一次取号办理多项业务): one case each. */
    extraItemCodes: z
      .array(z.string().trim().min(1).max(64))
      .max(MAX_EXTRA_ITEMS, { error: `一次取号最多另办 ${MAX_EXTRA_ITEMS} 项业务` })
      .optional(),
  }),
]);
export type WindowActionInput = z.infer<typeof WindowActionInputSchema>;
export const WindowActionResultSchema = z.object({
  ticket: TicketSchema.nullable(),
  /** The case of the ticket's own item; `caseIds` lists it first, then one per extra item. */
  caseId: Id.nullable(),
  caseIds: z.array(Id),
});

export const BoardSchema = z.object({
  hallName: z.string(),
  calling: z.array(z.object({ number: z.string(), windowName: z.string(), calledAt: z.iso.datetime() })),
  waiting: z.array(z.object({ groupName: z.string(), prefix: z.string(), count: z.number().int() })),
});
export type Board = z.infer<typeof BoardSchema>;

export const ServiceCaseSchema = z.object({
  id: Id,
  /** 办件编号 (BJ2022-0000001), what a citizen quotes and rates by. */
  caseNo: z.string(),
  hallId: Id,
  hallName: z.string(),
  hallLevel: HallLevelSchema,
  windowName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  staffName: z.string(),
  personName: z.string().nullable(),
  idNumber: z.string().nullable(),
  result: CaseResultSchema,
  bookingId: Id.nullable(),
  checkedInAt: z.iso.datetime(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  waitSeconds: z.number().int(),
  serviceSeconds: z.number().int(),
});
export type ServiceCase = z.infer<typeof ServiceCaseSchema>;
export const ServiceCaseListSchema = z.object({ items: z.array(ServiceCaseSchema), total: z.number().int() });

export const METRIC_GROUP_BYS = ["none", "hall", "level", "item", "window", "staff", "day", "month"] as const;
/** Filters shared by metrics and the lists they drill down to: a count is a filter of a list. */
export const HallFilterSchema = z.object({
  from: DayStringSchema.optional(),
  to: DayStringSchema.optional(),
  hallId: Id.optional(),
  level: HallLevelSchema.optional(),
  itemCode: z.string().max(64).optional(),
  windowName: z.string().max(50).optional(),
  staffName: z.string().max(40).optional(),
});
export type HallFilter = z.infer<typeof HallFilterSchema>;
export const ListPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const CaseListQuerySchema = HallFilterSchema.extend(ListPageSchema.shape).extend(VisitSliceSchema.shape);
export const TicketListQuerySchema = CaseListQuerySchema;
export const BookingListQuerySchema = HallFilterSchema.extend(ListPageSchema.shape).extend({
  status: BookingStatusSchema.optional(),
});
export const HallMetricsQuerySchema = HallFilterSchema.extend({ groupBy: z.enum(METRIC_GROUP_BYS).default("none") });
export const HallMetricRowSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  visitors: z.number().int(),
  cases: z.number().int(),
  bookings: z.number().int(),
  noShows: z.number().int(),
  noShowRate: z.number().nullable(),
  avgWaitSeconds: z.number().nullable(),
  p90WaitSeconds: z.number().nullable(),
  avgServiceSeconds: z.number().nullable(),
  p90ServiceSeconds: z.number().nullable(),
});
export type HallMetricRow = z.infer<typeof HallMetricRowSchema>;
export const HallMetricsSchema = z.object({
  total: HallMetricRowSchema,
  groups: z.array(HallMetricRowSchema),
  formulas: z.record(z.string(), z.string()),
});
export type HallMetrics = z.infer<typeof HallMetricsSchema>;
export const BookableItemsSchema = z.object({
  items: z.array(z.object({ level: HallLevelSchema, halls: z.number().int(), items: z.number().int() })),
});
