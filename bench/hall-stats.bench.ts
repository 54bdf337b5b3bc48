import { sql } from "drizzle-orm";
import { hallMetrics } from "../apps/server/src/modules/appointments/stats.service.ts";
import { silentLogger } from "../apps/server/src/platform/actor.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";

const GROUPS = ["none", "hall", "level", "item", "window", "staff", "day", "month"] as const;

/** 大厅统计 for the whole demo year 2022, each grouping; median of three, in ms. */
export async function timeHallStats(database: Database): Promise<Record<string, number>> {
  const [tenant] = await queryRows<{ id: string }>(database.db, sql`select id from tenants where code = '440114'`);
  if (!tenant) {
    return {};
  }
  const ctx = {
    db: database.db,
    actor: { kind: "system" as const, tenantId: tenant.id, name: "bench" },
    clock: systemClock,
    log: silentLogger,
    requestId: "bench",
  };
  const out: Record<string, number> = {};
  for (const g of GROUPS) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const m = await hallMetrics(ctx, { from: "2022-01-01", to: "2022-12-31" }, g);
      runs.push(performance.now() - t0);
      if (i === 0 && g === "none") {
        process.stdout.write(`total ${JSON.stringify(m.total)}\n`);
      }
    }
    runs.sort((a, b) => a - b);
    out[g] = Math.round(runs[1] ?? 0);
    process.stdout.write(`${g}: ${runs.map((r) => Math.round(r)).join(" / ")} ms\n`);
  }
  return out;
}

/**
 * `npm run bench -- hall-stats` on a database that holds the demo year: DATABASE_URL (PostgreSQL)
 * or ZHENGWU_DATA_DIR (PGlite), loaded beforehand with `npx zhengwu demo load`.
 */
export async function benchHallStats(): Promise<string> {
  const url = process.env.DATABASE_URL;
  const database = url ? await openPostgres(url, 4) : await openPglite(process.env.ZHENGWU_DATA_DIR);
  try {
    const ms = await timeHallStats(database);
    if (Object.keys(ms).length === 0) {
      return "大厅统计: skipped, no demo year in this database (set DATABASE_URL or ZHENGWU_DATA_DIR to one loaded with `npx zhengwu demo load`).";
    }
    const engine = url ? "PostgreSQL" : "PGlite";
    const target = url ? 1000 : 2000;
    const rows = Object.entries(ms).map(
      ([g, v]) => `| ${g} | ${v.toLocaleString("en")} ms | < ${target} ms | ${v < target ? "met" : "NOT met"} |`,
    );
    return [
      `### 大厅统计 (GET /api/appointments/metrics), whole 2022 demo year, ${engine}, median of three`,
      "",
      "| groupBy | time | target | |",
      "| --- | --- | --- | --- |",
      ...rows,
    ].join("\n");
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith("hall-stats.bench.ts")) {
  process.stdout.write(`${await benchHallStats()}\n`);
  process.exit(0);
}
