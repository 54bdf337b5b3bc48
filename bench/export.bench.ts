import { buildApp } from "../apps/server/src/app.ts";
import { findRootUnit } from "../apps/server/src/modules/org/org.repo.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { buildUser } from "../apps/server/test/factories/user.factory.ts";
import { ExportTaskSchema } from "../packages/contracts/src/export-tasks.ts";
import { fillYear, YEAR_TICKETS } from "./metrics.bench.ts";
import { createBenchDatabase, percentile } from "./support.ts";

const PORT = 18_019;

type Result = { fillS: number; exportS: number; rows: number; requests: number; p50: number; p99: number; max: number };

/**
 * A full year's work-order export started as a background task while a client asks `/healthz` and
 * the work-order list's first page in turn every 100 ms; the latency of those requests meanwhile.
 */
async function measure(database: Database): Promise<Result> {
  await migrateDatabase(database);
  const t0 = performance.now();
  const tenantId = await fillYear(database);
  const fillS = (performance.now() - t0) / 1000;
  const root = await findRootUnit(database.db, tenantId);
  if (!root) {
    throw new Error("no root unit");
  }
  const user = await buildUser(database.db, tenantId, root.id, ["dispatcher"]);
  const headers = { cookie: user.cookie, "x-csrf-token": user.csrf, "content-type": "application/json" };
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", PORT: String(PORT) });
  const { app } = await buildApp({ database, config, clock: systemClock, logger: false });
  await app.listen({ port: PORT, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const latencies: number[] = [];
    let exporting = true;
    const client = (async () => {
      for (let i = 0; exporting; i++) {
        const url = i % 2 === 0 ? `${base}/healthz` : `${base}/api/work-orders?pageSize=20`;
        const s = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) {
          throw new Error(`${url}: ${res.status}`);
        }
        latencies.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const e0 = performance.now();
    const started = await fetch(`${base}/api/export-tasks`, {
      method: "POST",
      headers,
      body: JSON.stringify({ kind: "work_orders", filter: {} }),
    });
    const task = ExportTaskSchema.parse(await started.json());
    let rows = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = ExportTaskSchema.parse(
        await (await fetch(`${base}/api/export-tasks/${task.id}`, { headers })).json(),
      );
      if (now.state !== "running") {
        if (now.state !== "done") {
          throw new Error(`export ${now.state}: ${now.error}`);
        }
        rows = now.rows;
        break;
      }
    }
    const exportS = (performance.now() - e0) / 1000;
    exporting = false;
    await client;
    latencies.sort((a, b) => a - b);
    return {
      fillS,
      exportS,
      rows,
      requests: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  } finally {
    await app.close();
  }
}

export async function benchExport(): Promise<string> {
  const pgDb = createBenchDatabase("zhengwu_bench_export");
  let pg: Result;
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
  const row = (engine: string, r: Result) =>
    `| ${engine} | ${r.rows} rows in ${r.exportS.toFixed(1)} s | ${r.requests} | ${r.p50.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.max.toFixed(0)} ms | < 1000 ms | ${r.p99 < 1000 ? "met" : "NOT met"} |`;
  return `## Requests during a full-year Excel export (导出任务)

A dispatcher exports all ${YEAR_TICKETS} tickets of a year (written by SQL as in the metrics
benchmark) as a background task; meanwhile one client asks \`/healthz\` and the work-order list's
first page in turn, one request every 100 ms, until the file is ready.

| engine | export | requests | p50 | p99 | max | target p99 | |
| --- | --- | --- | --- | --- | --- | --- | --- |
${row("PostgreSQL", pg)}
${row("PGlite", pl)}

Loading the year by SQL took ${pg.fillS.toFixed(1)} s on PostgreSQL and ${pl.fillS.toFixed(1)} s on PGlite.
`;
}
