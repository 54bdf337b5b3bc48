import { loadDemo } from "../apps/server/src/modules/demo/demo.service.ts";
import { renderDocx } from "../apps/server/src/modules/reports/render-docx.ts";
import { buildReportFor } from "../apps/server/src/modules/reports/reports.service.ts";
import { findTenantByCode } from "../apps/server/src/modules/tenants/tenants.repo.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { createBenchDatabase } from "./support.ts";

/** Median of three builds of the 2022 report from the whole demo year (figures from every module, then the DOCX). */
async function measure(database: Database) {
  await migrateDatabase(database);
  await loadDemo(database.db, systemClock, "440114", () => {});
  const tenantId = (await findTenantByCode(database.db, "440114"))?.id;
  if (!tenantId) {
    throw new Error("demo tenant missing");
  }
  const runs: Array<{ build: number; docx: number; figures: number; bytes: number }> = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const doc = await buildReportFor(database.db, systemClock, tenantId, 2022);
    const t1 = performance.now();
    const docx = await renderDocx(doc);
    runs.push({
      build: t1 - t0,
      docx: performance.now() - t1,
      figures: Object.keys(doc.figures).length,
      bytes: docx.length,
    });
  }
  runs.sort((a, b) => a.build + a.docx - (b.build + b.docx));
  const m = runs[1];
  if (!m) {
    throw new Error("no runs");
  }
  return m;
}

export async function benchReport(): Promise<string> {
  const pgDb = createBenchDatabase("zhengwu_bench_report");
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
  const row = (engine: string, m: typeof pg, target: number) => {
    const total = m.build + m.docx;
    return `| ${engine} | ${m.build.toFixed(0)} ms | ${m.docx.toFixed(0)} ms | ${total.toFixed(0)} ms | ${m.figures} | < ${target} ms | ${total < target ? "met" : "NOT met"} |`;
  };
  return `## Building the 2022 self-evaluation report

The whole Huadu 2022 demo year (\`demo load\`: 311,186 work orders, the catalog of 2,166 items,
the district centre's 566,800 visitors and 767,227 cases, 好差评, the budget and the scored
evaluation); median of three builds: every figure computed from the modules (hotline metrics and
YoY, campaigns, bad ratings, grid, deputies, catalog as of year end, hall volumes, budget, scores),
then the DOCX rendered.

| engine | figures computed | DOCX | total | figures | target | |
| --- | --- | --- | --- | --- | --- | --- |
${row("PGlite", pl, 5000)}
${row("PostgreSQL", pg, 5000)}

DOCX size ${(pl.bytes / 1024).toFixed(0)} KiB.
`;
}
