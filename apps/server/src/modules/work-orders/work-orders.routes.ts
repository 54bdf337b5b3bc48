import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  BulkResultSchema,
  BulkTransitionInputSchema,
  CityTicketInputSchema,
  ContactListSchema,
  DuplicateListSchema,
  MergeInputSchema,
  MetricsQuerySchema,
  MetricsSchema,
  SuggestionListSchema,
  SuperviseInputSchema,
  TransitionInputSchema,
  WoChannelSchema,
  WorkOrderDetailSchema,
  WorkOrderFilterSchema,
  WorkOrderListQuerySchema,
  WorkOrderListSchema,
  WorkOrderSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { AppError } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { exportTickets } from "./export.service.ts";
import { createWorkOrder } from "./intake.service.ts";
import { computeMetrics } from "./metrics.service.ts";
import {
  findDuplicateCandidates,
  findWorkOrders,
  getWorkOrderDetail,
  readWorkOrderContacts,
  suggestUnits,
  toDtos,
} from "./queries.service.ts";
import { mergeWorkOrder, superviseWorkOrder, transitionWorkOrder } from "./transitions.service.ts";
import {
  ACT_AS_CENTRE,
  ACT_AS_UNIT,
  READ_CALLER_CONTACTS,
  READ_WORK_ORDER_METRICS,
  SUPERVISE_WORK_ORDERS,
  VIEW_WORK_ORDERS,
} from "./work-orders.policy.ts";

const view = { access: userAccess(VIEW_WORK_ORDERS) };
const centre = { access: userAccess(ACT_AS_CENTRE) };
const acting = { access: userAccess(ACT_AS_CENTRE, ACT_AS_UNIT) };
// A call the dispatcher registers: came in by phone unless said otherwise.
const ManualTicketSchema = CityTicketInputSchema.omit({ cityTicketNo: true }).extend({
  channel: WoChannelSchema.default("phone"),
});

export function registerWorkOrderRoutes(app: App, deps: RouteDeps): void {
  const one = async (req: Parameters<RouteDeps["ctx"]>[0], row: Parameters<typeof toDtos>[1][number]) => {
    const [dto] = await toDtos(deps.ctx(req), [row]);
    if (!dto) {
      throw new AppError("internal", "工单映射失败");
    }
    return dto;
  };
  app.get("/api/work-orders", {
    config: view,
    schema: {
      tags: ["work-orders"],
      summary: "工单列表（队列、筛选、指标下钻）",
      querystring: WorkOrderListQuerySchema,
      response: { 200: WorkOrderListSchema },
    },
    handler: async (req) => findWorkOrders(deps.ctx(req), req.query, req.query),
  });
  app.get("/api/work-orders/export.xlsx", {
    config: view,
    schema: { tags: ["work-orders"], summary: "按筛选导出 Excel", querystring: WorkOrderFilterSchema },
    handler: async (req, reply) =>
      reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("工单导出.xlsx")}`)
        .send(exportTickets(deps.ctx(req), req.query)),
  });
  app.get("/api/work-orders/metrics", {
    config: { access: userAccess(READ_WORK_ORDER_METRICS) },
    schema: {
      tags: ["work-orders"],
      summary: "工单指标（同比、按时率、满意率等，可按维度分组）",
      querystring: MetricsQuerySchema,
      response: { 200: MetricsSchema },
    },
    handler: async (req) => computeMetrics(deps.ctx(req), req.query),
  });
  app.post("/api/work-orders", {
    config: centre,
    schema: {
      tags: ["work-orders"],
      summary: "登记来电（派单员）",
      body: ManualTicketSchema,
      response: { 201: WorkOrderSchema },
    },
    handler: async (req, reply) => {
      const { workOrder } = await createWorkOrder(deps.ctx(req), req.body);
      return reply.status(201).send(await one(req, workOrder));
    },
  });
  app.get("/api/work-orders/:id", {
    config: view,
    schema: {
      tags: ["work-orders"],
      summary: "工单详情与时间线",
      params: IdParamSchema,
      response: { 200: WorkOrderDetailSchema },
    },
    handler: async (req) => getWorkOrderDetail(deps.ctx(req), req.params.id),
  });
  app.get("/api/work-orders/:id/contacts", {
    config: { access: userAccess(READ_CALLER_CONTACTS) },
    schema: {
      tags: ["work-orders"],
      summary: "来电人完整联系方式（记入审计）",
      params: IdParamSchema,
      response: { 200: ContactListSchema },
    },
    handler: async (req) => readWorkOrderContacts(deps.ctx(req), req.params.id),
  });
  app.post("/api/work-orders/:id/transitions", {
    config: acting,
    schema: {
      tags: ["work-orders"],
      summary: "办理操作（派单、签收、答复、审核、回访、退单、延期、归档）",
      params: IdParamSchema,
      body: TransitionInputSchema,
      response: { 200: WorkOrderSchema },
    },
    handler: async (req) => one(req, await transitionWorkOrder(deps.ctx(req), req.params.id, req.body)),
  });
  app.post("/api/work-orders/bulk-transitions", {
    config: acting,
    schema: {
      tags: ["work-orders"],
      summary: "批量办理",
      body: BulkTransitionInputSchema,
      response: { 200: BulkResultSchema },
    },
    handler: async (req) => {
      const results = [];
      for (const id of req.body.ids) {
        try {
          await transitionWorkOrder(deps.ctx(req), id, req.body.transition);
          results.push({ id, ok: true, error: null });
        } catch (err) {
          if (!(err instanceof AppError)) {
            throw err;
          }
          results.push({ id, ok: false, error: err.message });
        }
      }
      return { results };
    },
  });
  app.get("/api/work-orders/:id/suggestions", {
    config: centre,
    schema: {
      tags: ["work-orders"],
      summary: "派单建议（附理由）",
      params: IdParamSchema,
      response: { 200: SuggestionListSchema },
    },
    handler: async (req) => ({ items: await suggestUnits(deps.ctx(req), req.params.id) }),
  });
  app.get("/api/work-orders/:id/duplicates", {
    config: view,
    schema: {
      tags: ["work-orders"],
      summary: "疑似重复工单",
      params: IdParamSchema,
      response: { 200: DuplicateListSchema },
    },
    handler: async (req) => findDuplicateCandidates(deps.ctx(req), req.params.id),
  });
  app.post("/api/work-orders/:id/merge", {
    config: centre,
    schema: {
      tags: ["work-orders"],
      summary: "合并重复工单到主工单",
      params: IdParamSchema,
      body: MergeInputSchema,
      response: { 200: WorkOrderSchema },
    },
    handler: async (req) => one(req, await mergeWorkOrder(deps.ctx(req), req.params.id, req.body.masterId)),
  });
  app.post("/api/work-orders/:id/supervise", {
    config: { access: userAccess(SUPERVISE_WORK_ORDERS) },
    schema: {
      tags: ["work-orders"],
      summary: "升级督办",
      params: IdParamSchema,
      body: SuperviseInputSchema,
      response: { 200: WorkOrderSchema },
    },
    handler: async (req) => one(req, await superviseWorkOrder(deps.ctx(req), req.params.id, req.body.reason)),
  });
}
