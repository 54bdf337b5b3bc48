import {
  AppealPeriodQuerySchema,
  HotSpotsQuerySchema,
  HotSpotsSchema,
  HotTopicsQuerySchema,
  HotTopicsSchema,
  RepeatCallersSchema,
  RisingTopicsQuerySchema,
  RisingTopicsSchema,
} from "../../../../../packages/contracts/src/appeals.ts";
import { CockpitQuerySchema, CockpitSchema } from "../../../../../packages/contracts/src/cockpit.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { getHotSpots, getHotTopics, getRepeatCallers, getRisingTopics } from "./appeals.service.ts";
import { getCockpit } from "./cockpit.service.ts";
import { READ_APPEALS, READ_COCKPIT } from "./dashboard.policy.ts";

/** The dashboard's reads: the cockpit and the 诉求 analysis, aggregates over what the reader may see. */
export function registerDashboardRoutes(app: App, deps: RouteDeps): void {
  const config = { access: userAccess(READ_APPEALS) };
  const tags = ["dashboard"];
  app.get("/api/dashboard/cockpit", {
    config: { access: userAccess(READ_COCKPIT) },
    schema: {
      tags,
      summary: "领导驾驶舱：工单、大厅、好差评、预算执行与上升话题一览（每读者 30 秒内复用同一份计算）",
      querystring: CockpitQuerySchema,
      response: { 200: CockpitSchema },
    },
    handler: async (req) => getCockpit(deps.ctx(req), req.query),
  });
  app.get("/api/dashboard/appeals/hot-topics", {
    config,
    schema: {
      tags,
      summary: "诉求热点：期间内工单最多的主题词与类别（可按镇街、承办单位）",
      querystring: HotTopicsQuerySchema,
      response: { 200: HotTopicsSchema },
    },
    handler: async (req) => getHotTopics(deps.ctx(req), req.query),
  });
  app.get("/api/dashboard/appeals/rising-topics", {
    config,
    schema: {
      tags,
      summary: "上升话题：本周件数相对前 8 周显著上升的主题词与类别（泊松检验）",
      querystring: RisingTopicsQuerySchema,
      response: { 200: RisingTopicsSchema },
    },
    handler: async (req) => getRisingTopics(deps.ctx(req), req.query),
  });
  app.get("/api/dashboard/appeals/hot-spots", {
    config,
    schema: {
      tags,
      summary: "诉求聚集点：同一村（社区）同一主题 30 天内多次反映",
      querystring: HotSpotsQuerySchema,
      response: { 200: HotSpotsSchema },
    },
    handler: async (req) => getHotSpots(deps.ctx(req), req.query),
  });
  app.get("/api/dashboard/appeals/repeat-callers", {
    config,
    schema: {
      tags,
      summary: "重复来电：同一号码 30 天内 3 件以上（号码脱敏）",
      querystring: AppealPeriodQuerySchema,
      response: { 200: RepeatCallersSchema },
    },
    handler: async (req) => getRepeatCallers(deps.ctx(req), req.query),
  });
}
