import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  ExportTaskListSchema,
  ExportTaskSchema,
  StartExportInputSchema,
} from "../../../../../packages/contracts/src/export-tasks.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { VIEW_WORK_ORDERS } from "../work-orders/work-orders.policy.ts";
import { getExportTask, listExportTasks, openExportFile, startExportTask } from "./export-tasks.service.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 导出任务: start, follow and download big exports. A task is seen only by its creator. */
export function registerExportTaskRoutes(app: App, deps: RouteDeps): void {
  app.post("/api/export-tasks", {
    // Work orders are the only kind so far: its viewers may export what they see.
    config: { access: userAccess(VIEW_WORK_ORDERS) },
    schema: {
      tags: ["export-tasks"],
      summary: "创建导出任务（后台分批写入，完成后下载）",
      body: StartExportInputSchema,
      response: { 202: ExportTaskSchema },
    },
    handler: async (req, reply) => {
      const { task } = await startExportTask(deps.ctx(req), req.body, deps.config.exportDir);
      return reply.status(202).send(task);
    },
  });
  app.get("/api/export-tasks", {
    config: { access: { kind: "user", roles: "any" } },
    schema: { tags: ["export-tasks"], summary: "我的导出任务", response: { 200: ExportTaskListSchema } },
    handler: async (req) => listExportTasks(deps.ctx(req)),
  });
  app.get("/api/export-tasks/:id", {
    config: { access: { kind: "user", roles: "any" } },
    schema: {
      tags: ["export-tasks"],
      summary: "导出任务进度",
      params: IdParamSchema,
      response: { 200: ExportTaskSchema },
    },
    handler: async (req) => getExportTask(deps.ctx(req), req.params.id),
  });
  app.get("/api/export-tasks/:id/download", {
    config: { access: { kind: "user", roles: "any" } },
    schema: { tags: ["export-tasks"], summary: "下载导出文件（仅创建人）", params: IdParamSchema },
    handler: async (req, reply) => {
      const file = await openExportFile(deps.ctx(req), req.params.id, deps.config.exportDir);
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.stream);
    },
  });
}
