import { ResourceCodeParamSchema } from "../../../../../packages/contracts/src/data-sharing.ts";
import {
  CounterQuerySchema,
  CountersSchema,
  ExchangeListSchema,
  ExchangeQuerySchema,
  ExchangeVerifySchema,
  RowsPageSchema,
  RowsQuerySchema,
} from "../../../../../packages/contracts/src/data-sharing-exchange.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { serveRows } from "./data-service.service.ts";
import { VERIFY_EXCHANGE, VIEW_DATA } from "./data-sharing.policy.ts";
import { type CounterGroup, type ExchangeFilter, exchangeCounters, listExchange } from "./exchange-log.repo.ts";
import { verifyExchangeChain } from "./exchange-log.service.ts";
import { mayVerifyExchange } from "./exchange-verify-access.ts";

/** The chain check of the 交换日志 page: what `zhengwu exchange verify` does, for the district. */
async function verifyFor(ctx: Ctx) {
  if (!(await mayVerifyExchange(ctx.db, ctx.actor))) {
    throw new AppError("forbidden", "只有审计人员或区级数据管理员可以校验全区交换日志");
  }
  return verifyExchangeChain(ctx.db, ctx.actor.tenantId);
}

const dates = (q: { from?: string | undefined; to?: string | undefined }) => ({
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

async function exchangeLogFor(ctx: Ctx, f: ExchangeFilter, page: { page: number; pageSize: number }) {
  const r = await listExchange(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_DATA), f, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    r.items.map((e) => e.consumerUnitId),
  );
  return {
    total: r.total,
    items: r.items.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      consumerUnitId: e.consumerUnitId,
      consumerName: names.get(e.consumerUnitId) ?? "",
      grantId: e.grantId,
      resourceCode: e.resourceCode,
      fields: e.fields,
      filter: e.filter,
      rowsReturned: e.rowsReturned,
      requestId: e.requestId,
      outcome: e.outcome as "served" | "refused",
      reason: e.reason,
      hash: e.hash,
    })),
  };
}

async function countersFor(ctx: Ctx, by: CounterGroup, f: ExchangeFilter) {
  const rows = await exchangeCounters(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_DATA), by, f);
  const names =
    by === "consumer" || by === "provider"
      ? await findUnitNames(
          ctx.db,
          ctx.actor.tenantId,
          rows.map((r) => r.key),
        )
      : new Map<string, string>();
  return { by, items: rows.map((r) => ({ ...r, rows: Number(r.rows), label: names.get(r.key) ?? r.key })) };
}

/** 数据服务 (machine clients with a grant's credential) and 交换日志 (data officers). */
export function registerExchangeRoutes(app: App, deps: RouteDeps): void {
  const tags = ["data-sharing"];
  app.get("/api/data/resources/:code/rows", {
    config: { access: { kind: "api_key", scopes: ["data:read"] } },
    schema: {
      tags,
      summary:
        "数据服务：按共享授权分页查询资源数据（filter[信息项]=值；仅授权信息项；个人信息脱敏；每次调用记入交换日志）",
      params: ResourceCodeParamSchema,
      querystring: RowsQuerySchema,
      response: { 200: RowsPageSchema },
    },
    // The schema documents the page; serveRows builds it field by field from the grant, and checking
    // a hundred rows against it on every call was a sixth of the call's time under load.
    serializerCompiler: () => (data) => JSON.stringify(data),
    handler: async (req) => serveRows(deps.ctx(req), req.params.code, req.query),
  });
  app.get("/api/data/exchange-log", {
    config: { access: userAccess(VIEW_DATA) },
    schema: {
      tags,
      summary: "交换日志（本单位作为提供方或使用方的调用记录，含被拒绝的调用）",
      querystring: ExchangeQuerySchema,
      response: { 200: ExchangeListSchema },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return exchangeLogFor(deps.ctx(req), { ...f, ...dates(f) }, { page, pageSize });
    },
  });
  app.get("/api/data/exchange-log/verify", {
    config: { access: userAccess(VERIFY_EXCHANGE) },
    schema: {
      tags,
      summary: "校验本区交换日志哈希链（与 zhengwu exchange verify 相同），报告第一处断链",
      response: { 200: ExchangeVerifySchema },
    },
    handler: async (req) => verifyFor(deps.ctx(req)),
  });
  app.get("/api/data/exchange-log/counters", {
    config: { access: userAccess(VIEW_DATA) },
    schema: {
      tags,
      summary: "共享数据量统计：按使用方、提供方、资源或月份汇总已返回的行数与调用次数",
      querystring: CounterQuerySchema,
      response: { 200: CountersSchema },
    },
    handler: async (req) => {
      const { by, ...f } = req.query;
      return countersFor(deps.ctx(req), by, { ...f, ...dates(f) });
    },
  });
}
