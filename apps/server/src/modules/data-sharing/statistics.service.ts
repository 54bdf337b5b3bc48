import type {
  BatchSearchQuery,
  MonthFigure,
  Statistics,
  UnitFigure,
} from "../../../../../packages/contracts/src/data-sharing-statistics.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { addDays, businessDay, businessInstant } from "../calendar/work-calendar.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { VIEW_DATA } from "./data-sharing.policy.ts";
import { exchangeCounters } from "./exchange-log.repo.ts";
import { aggregatedCounters, searchBatches } from "./statistics.repo.ts";

/** The year's bounds in Beijing time: [Jan 1 00:00, next Jan 1 00:00). */
function yearWindow(year: number) {
  return { from: businessInstant(`${year}-01-01`, 0), to: businessInstant(`${year + 1}-01-01`, 0) };
}

/** Twelve months, each present (zero when nothing happened), so the chart has every month. */
function twelveMonths(year: number, rows: ReadonlyArray<{ key: string; rows: number; count: number }>): MonthFigure[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, "0")}`;
    const r = byKey.get(month);
    return { month, rows: r?.rows ?? 0, count: r?.count ?? 0 };
  });
}

const sum = (rows: ReadonlyArray<{ rows: number; count: number }>) =>
  rows.reduce((a, r) => ({ rows: a.rows + r.rows, count: a.count + r.count }), { rows: 0, count: 0 });

/** Largest first, so the tables open on who matters most. */
function units(rows: ReadonlyArray<{ key: string; rows: number; count: number }>, names: Map<string, string>) {
  return rows
    .map((r): UnitFigure => ({ unitId: r.key, name: names.get(r.key) ?? "", rows: r.rows, count: r.count }))
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name, "zh-CN"));
}

/**
 * 数据统计 of a year (Asia/Shanghai). Aggregated: the batches of the resources provided inside the
 * actor's scope; shared: the served calls where a unit of the scope is the consumer or the provider,
 * the same entries the exchange log lists, so every figure opens on the records it sums.
 */
export async function dataStatistics(ctx: Ctx, year?: number): Promise<Statistics> {
  const y = year ?? Number(businessDay(ctx.clock.now()).slice(0, 4));
  const { from, to } = yearWindow(y);
  const tenantId = ctx.actor.tenantId;
  const paths = scopeFor(ctx.actor, VIEW_DATA);
  const window = { tenantId, paths, from, to };
  const aggByProvider = await aggregatedCounters(ctx.db, window, "provider");
  const aggByMonth = await aggregatedCounters(ctx.db, window, "month");
  // The exchange filter's upper bound is inclusive: the last millisecond of the year.
  const f = { from, to: new Date(to.getTime() - 1) };
  const counted = async (by: "provider" | "consumer" | "month") =>
    (await exchangeCounters(ctx.db, tenantId, paths, by, f)).map((r) => ({
      key: r.key,
      rows: Number(r.rows),
      count: r.calls,
    }));
  const shByProvider = await counted("provider");
  const shByConsumer = await counted("consumer");
  const shByMonth = await counted("month");
  const names = await findUnitNames(ctx.db, tenantId, [
    ...aggByProvider.map((r) => r.key),
    ...shByProvider.map((r) => r.key),
    ...shByConsumer.map((r) => r.key),
  ]);
  const agg = sum(aggByMonth);
  const shared = sum(shByMonth);
  return {
    year: y,
    aggregated: {
      rows: agg.rows,
      batches: agg.count,
      byProvider: units(aggByProvider, names),
      byMonth: twelveMonths(y, aggByMonth),
    },
    shared: {
      rows: shared.rows,
      calls: shared.count,
      byProvider: units(shByProvider, names),
      byConsumer: units(shByConsumer, names),
      byMonth: twelveMonths(y, shByMonth),
    },
  };
}

/** Batches across the resources provided in scope, by provider, resource and days received (Asia/Shanghai). */
export async function findBatchesFor(ctx: Ctx, q: BatchSearchQuery) {
  const r = await searchBatches(
    ctx.db,
    {
      tenantId: ctx.actor.tenantId,
      paths: scopeFor(ctx.actor, VIEW_DATA),
      from: q.from ? businessInstant(q.from, 0) : undefined,
      to: q.to ? businessInstant(addDays(q.to, 1), 0) : undefined,
      providerUnitId: q.providerUnitId,
      resourceCode: q.resourceCode,
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const names = await findUnitNames(
    ctx.db,
    ctx.actor.tenantId,
    r.items.map((b) => b.provider_unit_id),
  );
  return {
    total: r.total,
    acceptedRows: r.rows,
    items: r.items.map((b) => ({
      id: b.id,
      batchId: b.batch_id,
      mode: b.mode as "reject" | "quarantine" | "registered",
      received: b.received,
      accepted: b.accepted,
      quarantined: b.quarantined,
      checksum: b.checksum,
      receivedAt: new Date(b.received_at).toISOString(),
      createdBy: b.created_by,
      resourceCode: b.resource_code,
      resourceName: b.resource_name,
      providerUnitId: b.provider_unit_id,
      providerName: names.get(b.provider_unit_id) ?? "",
    })),
  };
}
