import {
  BatchSearchListSchema,
  BatchSearchQuerySchema,
  StatisticsQuerySchema,
  StatisticsSchema,
} from "../../../../../packages/contracts/src/data-sharing-statistics.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { VIEW_DATA } from "./data-sharing.policy.ts";
import { dataStatistics, findBatchesFor } from "./statistics.service.ts";

/** 数据统计 (aggregated and shared rows of a year) and the batch list its aggregated figures open. */
export function registerStatisticsRoutes(app: App, deps: RouteDeps): void {
  const tags = ["data-sharing"];
  app.get("/api/data/statistics", {
    config: { access: userAccess(VIEW_DATA) },
    schema: {
      tags,
      summary:
        "数据统计：年度汇聚数据量（各批次接收入库行数之和，含仅登记的同步批次）与共享数据量，按提供方、使用方、月份",
      querystring: StatisticsQuerySchema,
      response: { 200: StatisticsSchema },
    },
    handler: async (req) => dataStatistics(deps.ctx(req), req.query.year),
  });
  app.get("/api/data/batches", {
    config: { access: userAccess(VIEW_DATA) },
    schema: {
      tags,
      summary: "数据批次查询：本单位及下级提供的资源的批次，按提供方、资源、接收日期筛选",
      querystring: BatchSearchQuerySchema,
      response: { 200: BatchSearchListSchema },
    },
    handler: async (req) => findBatchesFor(deps.ctx(req), req.query),
  });
}
