import { PageQuerySchema } from "../../../../../packages/contracts/src/common.ts";
import { ResourceCodeParamSchema } from "../../../../../packages/contracts/src/data-sharing.ts";
import {
  BatchInputSchema,
  BatchListSchema,
  BatchSchema,
  QualitySchema,
} from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { listBatchesFor, receiveBatch, resourceQuality } from "./batches.service.ts";
import { MANAGE_DATA, VIEW_DATA } from "./data-sharing.policy.ts";

/** Filling a resource (batches, idempotent by batch id) and its data quality. */
export function registerBatchRoutes(app: App, deps: RouteDeps): void {
  const tags = ["data-sharing"];
  app.post("/api/data/resources/:code/batches", {
    // Also a provider system's data:write key (bound to the provider unit; another unit's key: 404).
    config: { access: { ...userAccess(MANAGE_DATA), apiKeyScopes: ["data:write"] } },
    schema: {
      tags,
      summary:
        "提交数据批次（按批次号幂等；整批校验：reject 有错整批拒收 422，quarantine 隔离问题行；或仅登记行数与校验值）",
      params: ResourceCodeParamSchema,
      body: BatchInputSchema,
      response: { 201: BatchSchema },
    },
    handler: async (req, reply) => {
      const { batch, replay } = await receiveBatch(deps.ctx(req), req.params.code, req.body);
      // The same answer to a retried batch; the header says it was a replay.
      return reply.status(201).header("idempotent-replay", String(replay)).send(batch);
    },
  });
  app.get("/api/data/resources/:code/batches", {
    config: { access: userAccess(VIEW_DATA) },
    schema: {
      tags,
      summary: "资源的数据批次与汇聚数据量（已存储与仅登记批次的接收行数之和）",
      params: ResourceCodeParamSchema,
      querystring: PageQuerySchema,
      response: { 200: BatchListSchema },
    },
    handler: async (req) => listBatchesFor(deps.ctx(req), req.params.code, req.query),
  });
  app.get("/api/data/resources/:code/quality", {
    config: { access: userAccess(VIEW_DATA) },
    schema: {
      tags,
      summary: "数据质量：各信息项完整率、重复关键项、隔离行、是否按更新周期更新",
      params: ResourceCodeParamSchema,
      response: { 200: QualitySchema },
    },
    handler: async (req) => resourceQuality(deps.ctx(req), req.params.code),
  });
}
