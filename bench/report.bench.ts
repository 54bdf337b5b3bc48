import { loadDemoBudget } from "../apps/server/src/modules/demo/demo-budget.ts";
import { findOrgUnitByName } from "../apps/server/src/modules/org/org.repo.ts";
import { renderDocx } from "../apps/server/src/modules/reports/render-docx.ts";
import { buildReportFor } from "../apps/server/src/modules/reports/reports.service.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { fillYear, YEAR_TICKETS } from "./metrics.bench.ts";
import { createBenchDatabase } from "./support.ts";

/** Median of three builds of the 2022 report (figures from every module, then the DOCX). */
async function measure(database: Database) {
  await migrateDatabase(database);
  const tenantId = await fillYear(database);
  const bureau = await findOrgUnitByName(database.db, tenantId, "广州市花都区政务服务数据管理局");
  if (!bureau) {
    throw new Error("bureau missing");
  }
  await loadDemoBudget(database.db, systemClock, tenantId, bureau.id, 2022);
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

The Huadu demo budget (25 projects, 75 indicators, the scored evaluation) plus a year of
${YEAR_TICKETS} hotline tickets; median of three builds: every figure computed from the modules
(hotline metrics and YoY, campaigns, budget, scores), then the DOCX rendered.

| engine | figures computed | DOCX | total | figures | target | |
| --- | --- | --- | --- | --- | --- | --- |
${row("PGlite", pl, 5000)}
${row("PostgreSQL", pg, 5000)}

DOCX size ${(pl.bytes / 1024).toFixed(0)} KiB.
`;
}
