import { sql } from "drizzle-orm";
import { findOrgUnitByName } from "../apps/server/src/modules/org/org.repo.ts";
import { createTenantFromCode } from "../apps/server/src/modules/tenants/tenants.service.ts";
import { computeMetrics, type GroupBy } from "../apps/server/src/modules/work-orders/metrics.service.ts";
import { silentLogger } from "../apps/server/src/platform/actor.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { createBenchDatabase } from "./support.ts";

export const YEAR_TICKETS = 187_454;

/** A year of closed hotline tickets (4 events each) written by SQL, for timing the aggregates. */
export async function fillYear(database: Database): Promise<string> {
  const { tenant } = await createTenantFromCode(database.db, "440114", systemClock);
  const unit = await findOrgUnitByName(database.db, tenant.id, "广州市花都区城市管理和综合执法局");
  if (!unit) {
    throw new Error("unit missing");
  }
  await database.db.execute(sql`
    insert into work_orders (id, tenant_id, external_no, kind, category, urgency, channel, title, content, status,
      unit_id, scope_path, received_at, accept_due_at, close_due_at, accepted_at, replied_at, closed_at,
      satisfaction, resolved, praise, campaign_tags, event_count)
    select gen_random_uuid(), ${tenant.id}, 'Y' || g, 'hotline',
      (array['consult','help','complaint','report','suggestion'])[1 + g % 5], 'normal', 'city_12345',
      '工单' || g, '内容', 'closed', ${unit.id}, ${unit.path},
      t.ts, t.ts + interval '1 day', t.ts + interval '10 days', t.ts + interval '2 hours', t.ts + interval '4 days',
      t.ts + case when g % 100 < 98 then interval '5 days' else interval '12 days' end,
      3 + g % 3, g % 50 <> 0, g % 2000 = 0,
      case when g % 200 = 0 then array['涉整改'] else array[]::text[] end, 4
    from generate_series(1, ${YEAR_TICKETS}) g,
      lateral (select timestamptz '2022-01-01 00:00:00+08' + g * interval '168 seconds') t(ts)`);
  await database.db.execute(sql`
    insert into work_order_events (tenant_id, work_order_id, seq, action, from_status, to_status, actor_type, at)
    select w.tenant_id, w.id, s, (array['receive','dispatch','accept','follow_up'])[s], null,
      (array['received','dispatched','accepted','closed'])[s], 'system', w.received_at + s * interval '1 hour'
    from work_orders w, generate_series(1, 4) s where w.tenant_id = ${tenant.id}`);
  await database.db.execute(sql`analyze`);
  return tenant.id;
}

async function timeMetrics(
  database: Database,
  tenantId: string,
  groupBy: GroupBy,
): Promise<{ ms: number; volume: number }> {
  const ctx = {
    db: database.db,
    actor: { kind: "system" as const, tenantId, name: "bench" },
    clock: systemClock,
    log: silentLogger,
    requestId: "bench",
  };
  const runs: number[] = [];
  let volume = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const m = await computeMetrics(ctx, {
      from: "2022-01-01T00:00:00+08:00",
      to: "2023-01-01T00:00:00+08:00",
      groupBy,
    });
    runs.push(performance.now() - t0);
    volume = m.total.counts.volume;
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[1] ?? Number.NaN, volume };
}

async function measure(database: Database) {
  await migrateDatabase(database);
  const t0 = performance.now();
  const tenantId = await fillYear(database);
  const fillS = (performance.now() - t0) / 1000;
  const none = await timeMetrics(database, tenantId, "none");
  const unit = await timeMetrics(database, tenantId, "unit");
  const month = await timeMetrics(database, tenantId, "month");
  return { fillS, none, unit, month };
}

export async function benchMetrics(): Promise<string> {
  const pgDb = createBenchDatabase("zhengwu_bench_metrics");
  let pg: Awaited<ReturnType<typeof measure>>;
  try {
    const database = await openPostgres(pgDb.url, 4);
    pg = await measure(database);
    await database.close();
  } finally {
    pgDb.drop();
  }
  const lite = await openPglite(undefined);
  const pl = await measure(lite);
  await lite.close();
  const row = (label: string, target: number, p: { ms: number; volume: number }, engine: string) =>
    `| ${engine}: ${label} | ${p.ms.toFixed(0)} ms (${p.volume} tickets) | < ${target} ms | ${p.ms < target ? "met" : "NOT met"} |`;
  return `## Work-order metrics over a full year (${YEAR_TICKETS} tickets, ${YEAR_TICKETS * 4} events)

Median of three runs of the metrics endpoint's query (volume, YoY, on-time accept/close,
satisfaction, resolution, redo, returns, praise), total plus previous-year volume.

| measure | measured | target | |
| --- | --- | --- | --- |
${row("total", 1000, pg.none, "PostgreSQL")}
${row("grouped by unit", 1000, pg.unit, "PostgreSQL")}
${row("grouped by month", 1000, pg.month, "PostgreSQL")}
${row("total", 3000, pl.none, "PGlite")}
${row("grouped by unit", 3000, pl.unit, "PGlite")}
${row("grouped by month", 3000, pl.month, "PGlite")}

Loading the year by SQL took ${pg.fillS.toFixed(1)} s on PostgreSQL and ${pl.fillS.toFixed(1)} s on PGlite.
`;
}
