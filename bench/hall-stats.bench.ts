import { hallMetrics } from "../apps/server/src/modules/appointments/stats.service.ts";
import { silentLogger } from "../apps/server/src/platform/actor.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
import { sql } from "drizzle-orm";

const GROUPS = ["none", "hall", "level", "item", "window", "staff", "day", "month"] as const;

/** 大厅统计 for the whole demo year 2022, each grouping; median of three, in ms. */
export async function timeHallStats(database: Database): Promise<Record<string, number>> {
  const [tenant] = await queryRows<{ id: string }>(database.db, sql`select id from tenants where code = '440114'`);
  if (!tenant) {
    throw new Error("no demo tenant: load it first (npx zhengwu demo load)");
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

if (process.argv[1]?.endsWith("hall-stats.bench.ts")) {
  const url = process.env.DATABASE_URL;
  const database = url ? await openPostgres(url, 4) : await openPglite(process.env.ZHENGWU_DATA_DIR);
  await timeHallStats(database);
  await database.close();
  process.exit(0);
}
