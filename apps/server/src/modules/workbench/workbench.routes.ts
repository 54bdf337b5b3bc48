import { WorkbenchSchema } from "../../../../../packages/contracts/src/workbench.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { getWorkbench } from "./workbench.service.ts";

/** 工作台: every signed-in person has one; what it counts follows from their own grants. */
export function registerWorkbenchRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/workbench", {
    config: { access: { kind: "user", roles: "any" } },
    schema: {
      tags: ["workbench"],
      summary: "工作台：按本人角色统计的待办（每项可打开对应清单）与提醒",
      response: { 200: WorkbenchSchema },
    },
    handler: async (req) => getWorkbench(deps.ctx(req)),
  });
}
