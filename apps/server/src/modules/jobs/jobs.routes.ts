import { JobRunListSchema, JobRunQuerySchema } from "../../../../../packages/contracts/src/jobs.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { listJobRuns } from "./jobs.service.ts";

export function registerJobRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/jobs/runs", {
    config: { access: { kind: "user", roles: ["admin"] } },
    schema: {
      tags: ["jobs"],
      summary: "定时任务运行记录（全区系统管理员）",
      querystring: JobRunQuerySchema,
      response: { 200: JobRunListSchema },
    },
    handler: async (req) => listJobRuns(deps.ctx(req), req.query),
  });
}
