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
 * `npm run bench -- hall-stats` on databases that hold the demo year: DATABASE_URL (PostgreSQL)
 * and/or ZHENGWU_DATA_DIR (PGlite), each loaded beforehand with `npx zhengwu demo load`.
 */
export async function benchHallStats(): Promise<string> {
  const url = process.env.DATABASE_URL;
  const dir = process.env.ZHENGWU_DATA_DIR;
  const engines: Array<{ name: string; target: number; open: () => Promise<Database> }> = [];
  if (url) {
    engines.push({ name: "PostgreSQL", target: 1000, open: () => openPostgres(url, 4) });
  }
  if (dir || !url) {
    engines.push({ name: "PGlite", target: 2000, open: () => openPglite(dir) });
  }
  const sections: string[] = [];
  for (const engine of engines) {
    const database = await engine.open();
    try {
      const ms = await timeHallStats(database);
      if (Object.keys(ms).length === 0) {
        sections.push(
          `${engine.name}: skipped, no demo year in this database (load one with \`npx zhengwu demo load\`).`,
        );
        continue;
      }
      const rows = Object.entries(ms).map(
        ([g, v]) =>
          `| ${g} | ${v.toLocaleString("en")} ms | < ${engine.target} ms | ${v < engine.target ? "met" : "NOT met"} |`,
      );
      sections.push(
        [
          `### 大厅统计 (GET /api/appointments/metrics), whole 2022 demo year, ${engine.name}, median of three`,
          "",
          "| groupBy | time | target | |",
          "| --- | --- | --- | --- |",
          ...rows,
        ].join("\n"),
      );
    } finally {
      await database.close();
    }
  }
  return [
    "## 大厅统计 on the demo year (`GET /api/appointments/metrics`, 2022-01-01 to 2022-12-31)",
    "",
    "`hallMetrics` in-process, each grouping three times. Cases come from `hall_case_cells` (hall × day ×",
    "item × window × clerk, with each cell's wait and service seconds as arrays, kept by triggers on",
    "service_cases); each group's seconds reach the server as one string and the exact P90",
    "(percentile_cont's interpolation) and means are computed there; visitors and bookings are counted",
    "from their tables, total and groups in one scan (grouping sets).",
    "",
    ...sections.flatMap((s) => [s, ""]),
  ].join("\n");
}

if (process.argv[1]?.endsWith("hall-stats.bench.ts")) {
  process.stdout.write(`${await benchHallStats()}\n`);
  process.exit(0);
}
