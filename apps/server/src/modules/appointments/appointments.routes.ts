import {
  AppointmentSettingsSchema,
  AssignWindowStaffInputSchema,
  BookableItemsSchema,
  BookingListQuerySchema,
  BookingListSchema,
  CaseListQuerySchema,
  CheckInInputSchema,
  ClosureInputSchema,
  CreateHallInputSchema,
  CreateWindowGroupInputSchema,
  GenerateSlotsInputSchema,
  GenerateSlotsResultSchema,
  HallClerkListSchema,
  HallDetailSchema,
  HallFilterSchema,
  HallHoursInputSchema,
  HallListSchema,
  HallMetricsQuerySchema,
  HallMetricsSchema,
  QueueQuerySchema,
  QueueSchema,
  ServiceCaseListSchema,
  SlotListSchema,
  SlotQuerySchema,
  TicketListQuerySchema,
  TicketListSchema,
  TicketSchema,
  WindowActionInputSchema,
  WindowActionResultSchema,
  WindowSchema,
} from "../../../../../packages/contracts/src/appointments.ts";
import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import { HallWaitsSchema } from "../../../../../packages/contracts/src/hall-waits.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { EDIT_BOOKING_RULES } from "../org/tenant-settings.policy.ts";
import { toSlotDto } from "./appointments.mapper.ts";
import { ADMINISTER_HALLS, ASSIGN_WINDOWS, OPERATE_HALLS, VIEW_HALLS } from "./appointments.policy.ts";
import { findSlots } from "./halls.repo.ts";
import {
  addWindowGroup,
  closeHallDay,
  createHall,
  findVisibleHalls,
  generateHallSlots,
  hallDetail,
  loadVisibleHall,
  setHallHours,
  toHallDto,
} from "./halls.service.ts";
import { checkIn, hallQueue, windowAction } from "./queue.service.ts";
import { getAppointmentSettings, updateAppointmentSettings } from "./settings.service.ts";
import { bookableItems, findBookings, findServiceCases, findVisitorTickets, hallMetrics } from "./stats.service.ts";
import { hallWaits } from "./waits.service.ts";
import { assignWindowStaff, findHallClerks } from "./window-staff.ts";

const view = { access: userAccess(VIEW_HALLS) };
const admin = { access: userAccess(ADMINISTER_HALLS) };
const operate = { access: userAccess(OPERATE_HALLS) };
const assign = { access: userAccess(ASSIGN_WINDOWS) };
const tags = ["appointments"];

export function registerAppointmentRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/halls", {
    config: view,
    schema: { tags, summary: "大厅列表（本人管辖范围内）", response: { 200: HallListSchema } },
    handler: async (req) => {
      const halls = await findVisibleHalls(deps.ctx(req));
      return { items: halls.map(toHallDto) };
    },
  });
  app.post("/api/halls", {
    config: admin,
    schema: {
      tags,
      summary: "设立大厅（挂在组织机构上）",
      body: CreateHallInputSchema,
      response: { 201: HallDetailSchema },
    },
    handler: async (req, reply) => {
      const ctx = deps.ctx(req);
      const hall = await createHall(ctx, req.body);
      return reply.status(201).send(await hallDetail(ctx.db, hall));
    },
  });
  app.get("/api/halls/:id", {
    config: view,
    schema: {
      tags,
      summary: "大厅详情：窗口组、事项、窗口、闭厅日",
      params: IdParamSchema,
      response: { 200: HallDetailSchema },
    },
    handler: async (req) => {
      const ctx = deps.ctx(req);
      return hallDetail(ctx.db, await loadVisibleHall(ctx, req.params.id));
    },
  });
  app.post("/api/halls/:id/groups", {
    config: admin,
    schema: {
      tags,
      summary: "新增窗口组（号段前缀、每时段容量、事项、窗口）",
      params: IdParamSchema,
      body: CreateWindowGroupInputSchema,
      response: { 201: HallDetailSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await addWindowGroup(deps.ctx(req), req.params.id, req.body)),
  });
  app.put("/api/halls/:id/hours", {
    config: admin,
    schema: {
      tags,
      summary: "设置大厅开放时段（null 为沿用本区规则）",
      params: IdParamSchema,
      body: HallHoursInputSchema,
      response: { 200: HallDetailSchema },
    },
    handler: async (req) => setHallHours(deps.ctx(req), req.params.id, req.body.sessions),
  });
  app.post("/api/halls/:id/closures", {
    config: admin,
    schema: {
      tags,
      summary: "设置闭厅日",
      params: IdParamSchema,
      body: ClosureInputSchema,
      response: { 200: HallDetailSchema },
    },
    handler: async (req) => closeHallDay(deps.ctx(req), req.params.id, req.body),
  });
  app.post("/api/halls/:id/slots/generate", {
    config: admin,
    schema: {
      tags,
      summary: "按法定工作日历生成未来时段",
      params: IdParamSchema,
      body: GenerateSlotsInputSchema,
      response: { 200: GenerateSlotsResultSchema },
    },
    handler: async (req) => generateHallSlots(deps.ctx(req), req.params.id, req.body.workdays),
  });
  app.get("/api/halls/:id/slots", {
    config: view,
    schema: {
      tags,
      summary: "某日各时段容量与已约数",
      params: IdParamSchema,
      querystring: SlotQuerySchema,
      response: { 200: SlotListSchema },
    },
    handler: async (req) => {
      const ctx = deps.ctx(req);
      const hall = await loadVisibleHall(ctx, req.params.id);
      const day = req.query.day ?? new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const slots = await findSlots(ctx.db, hall.id, { groupId: req.query.groupId, fromDay: day, toDay: day });
      return { items: slots.map(toSlotDto) };
    },
  });
  app.get("/api/halls/:id/queue", {
    config: view,
    schema: {
      tags,
      summary: "今日排队情况（含本窗口当前号）",
      params: IdParamSchema,
      querystring: QueueQuerySchema,
      response: { 200: QueueSchema },
    },
    handler: async (req) => hallQueue(deps.ctx(req), req.params.id, req.query.windowId),
  });
  app.post("/api/halls/:id/check-ins", {
    config: operate,
    schema: {
      tags,
      summary: "取号：预约码签到或现场取号",
      params: IdParamSchema,
      body: CheckInInputSchema,
      response: { 201: TicketSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await checkIn(deps.ctx(req), req.params.id, req.body)),
  });
  app.post("/api/hall-windows/:id/actions", {
    config: operate,
    schema: {
      tags,
      summary: "窗口操作：叫号、重呼、过号、开始办理、转窗口、办结（生成办件）",
      params: IdParamSchema,
      body: WindowActionInputSchema,
      response: { 200: WindowActionResultSchema },
    },
    handler: async (req) => windowAction(deps.ctx(req), req.params.id, req.body),
  });
  app.get("/api/halls/:id/clerks", {
    config: assign,
    schema: {
      tags,
      summary: "本大厅的窗口人员及其窗口",
      params: IdParamSchema,
      response: { 200: HallClerkListSchema },
    },
    handler: async (req) => findHallClerks(deps.ctx(req), req.params.id),
  });
  app.put("/api/hall-windows/:id/staff", {
    config: assign,
    schema: {
      tags,
      summary: "分配窗口人员（一人一窗；userId 为 null 时清空）",
      params: IdParamSchema,
      body: AssignWindowStaffInputSchema,
      response: { 200: WindowSchema },
    },
    handler: async (req) => assignWindowStaff(deps.ctx(req), req.params.id, req.body),
  });
  app.get("/api/appointments/bookings", {
    config: view,
    schema: {
      tags,
      summary: "预约记录（指标下钻）",
      querystring: BookingListQuerySchema,
      response: { 200: BookingListSchema },
    },
    handler: async (req) => findBookings(deps.ctx(req), req.query, req.query),
  });
  app.get("/api/appointments/cases", {
    config: view,
    schema: {
      tags,
      summary: "办件记录（指标下钻）",
      querystring: CaseListQuerySchema,
      response: { 200: ServiceCaseListSchema },
    },
    handler: async (req) => findServiceCases(deps.ctx(req), req.query, req.query),
  });
  app.get("/api/appointments/tickets", {
    config: view,
    schema: {
      tags,
      summary: "取号记录（来访人次下钻）",
      querystring: TicketListQuerySchema,
      response: { 200: TicketListSchema },
    },
    handler: async (req) => findVisitorTickets(deps.ctx(req), req.query, req.query),
  });
  app.get("/api/appointments/metrics", {
    config: view,
    schema: {
      tags,
      summary: "大厅指标：来访、办件、预约、爽约率、等候与办理时长（均值、P90）",
      querystring: HallMetricsQuerySchema,
      response: { 200: HallMetricsSchema },
    },
    handler: async (req) => hallMetrics(deps.ctx(req), req.query, req.query.groupBy),
  });
  app.get("/api/appointments/metrics/waits", {
    config: view,
    schema: {
      tags,
      summary: "等候时长（均值、P90）按取号时段与窗口组：大厅统计图表",
      querystring: HallFilterSchema,
      response: { 200: HallWaitsSchema },
    },
    handler: async (req) => hallWaits(deps.ctx(req), req.query),
  });
  app.get("/api/appointments/bookable-items", {
    config: view,
    schema: { tags, summary: "各层级大厅可预约事项数", response: { 200: BookableItemsSchema } },
    handler: async (req) => bookableItems(deps.ctx(req)),
  });
  app.get("/api/appointments/settings", {
    config: view,
    schema: { tags, summary: "预约规则（本租户）", response: { 200: AppointmentSettingsSchema } },
    handler: async (req) => {
      const ctx = deps.ctx(req);
      return getAppointmentSettings(ctx.db, ctx.actor.tenantId);
    },
  });
  app.put("/api/appointments/settings", {
    config: { access: userAccess(EDIT_BOOKING_RULES) },
    schema: {
      tags,
      summary: "修改预约规则",
      body: AppointmentSettingsSchema,
      response: { 200: AppointmentSettingsSchema },
    },
    handler: async (req) => updateAppointmentSettings(deps.ctx(req), req.body),
  });
}
