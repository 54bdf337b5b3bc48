import { sql } from "drizzle-orm";
import {
  appealSlice,
  getHotTopics,
  getRisingTopics,
  midnight,
  scoreRising,
} from "../apps/server/src/modules/dashboard/appeals.service.ts";
import { buildBriefingFor, renderBriefingDocx } from "../apps/server/src/modules/dashboard/briefing.service.ts";
import { loadDemo } from "../apps/server/src/modules/demo/demo.service.ts";
import { findTenantByCode } from "../apps/server/src/modules/tenants/tenants.repo.ts";
import { periodCounts } from "../apps/server/src/modules/work-orders/appeal-counts.repo.ts";
import { type Ctx, silentLogger } from "../apps/server/src/platform/actor.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
import { topicTerms } from "../apps/server/src/platform/text-terms.ts";
import { createBenchDatabase } from "./support.ts";

type Result = {
  tickets: number;
  hotMs: number;
  risingYearMs: number;
  risingWeekMs: number;
  weeklyMs: number;
  weeklyDocxMs: number;
  monthlyMs: number;
  docxBytes: number;
  segmented: number;
  segmentPerSecond: number;
};

/** Median of `n` timed runs, in ms. */
async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? Number.NaN;
}

async function measure(database: Database): Promise<Result> {
  await migrateDatabase(database);
  await loadDemo(database.db, systemClock, "440114", () => {});
  const tenantId = (await findTenantByCode(database.db, "440114"))?.id;
  if (!tenantId) {
    throw new Error("demo tenant missing");
  }
  const ctx: Ctx = {
    db: database.db,
    actor: { kind: "system", tenantId, name: "bench" },
    clock: systemClock,
    log: silentLogger,
    requestId: "bench",
  };
  const year = { from: "2022-01-01", to: "2022-12-31" };
  const [count] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from work_orders where tenant_id = ${tenantId} and kind = 'hotline'
        and received_at >= '2022-01-01T00:00:00+08:00' and received_at < '2023-01-01T00:00:00+08:00'`,
  );
  const hotMs = await median(3, () => getHotTopics(ctx, { ...year, limit: 20 }));
  // Every week of the year against its trailing eight, from one scan: the rising view of the year.
  const risingYearMs = await median(3, async () => {
    const s = await appealSlice(ctx, {}, midnight("2021-11-01"), midnight("2023-01-02"));
    const { terms, categories } = await periodCounts(ctx.db, s);
    return scoreRising(terms, categories);
  });
  const risingWeekMs = await median(3, () => getRisingTopics(ctx, { week: "2022-03-16" }));
  const week = { from: "2022-03-14", to: "2022-03-20" };
  let docxBytes = 0;
  let weeklyDocxMs = 0;
  const weeklyMs = await median(3, async () => {
    const built = await buildBriefingFor(database.db, systemClock, tenantId, week);
    const t0 = performance.now();
    docxBytes = (await renderBriefingDocx(built)).length;
    weeklyDocxMs = performance.now() - t0;
  });
  const monthlyMs = await median(3, async () => {
    const built = await buildBriefingFor(database.db, systemClock, tenantId, { from: "2022-03-01", to: "2022-03-31" });
    await renderBriefingDocx(built);
  });
  const texts = await queryRows<{ t: string }>(
    database.db,
    sql`select title || ' ' || content as t from work_orders where tenant_id = ${tenantId} order by id limit 20000`,
  );
  const t0 = performance.now();
  for (const { t } of texts) {
    topicTerms(t);
  }
  const segmentMs = performance.now() - t0;
  return {
    tickets: Number(count?.n ?? 0),
    hotMs,
    risingYearMs,
    risingWeekMs,
    weeklyMs,
    weeklyDocxMs,
    monthlyMs,
    docxBytes,
    segmented: texts.length,
    segmentPerSecond: texts.length / (segmentMs / 1000),
  };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const met = (x: number, target: number) => (x < target ? "met" : "NOT met");

/** The 诉求 analysis and the weekly briefing on the whole 2022 demo year; PostgreSQL, PGlite on request. */
export async function benchBriefing(engines: readonly string[]): Promise<string> {
  const results: Array<[string, Result]> = [];
  if (engines.includes("postgres")) {
    const pgDb = createBenchDatabase("zhengwu_bench_briefing");
    try {
      const database = await openPostgres(pgDb.url, 4);
      results.push(["PostgreSQL", await measure(database)]);
      await database.close();
    } finally {
      pgDb.drop();
    }
  }
  if (engines.includes("pglite")) {
    const lite = await openPglite(undefined);
    results.push(["PGlite", await measure(lite)]);
    await lite.close();
  }
  const rows = results.map(
    ([engine, r]) =>
      `| ${engine} | ${r.tickets} | ${ms(r.hotMs)} (${met(r.hotMs, 3000)}) | ${ms(r.risingYearMs)} (${met(r.risingYearMs, 3000)}) | ${ms(r.risingWeekMs)} | ${ms(r.weeklyMs)} (${met(r.weeklyMs, 10_000)}) | ${ms(r.weeklyDocxMs)} | ${ms(r.monthlyMs)} | ${Math.round(r.segmentPerSecond)} |`,
  );
  const first = results[0]?.[1];
  return `## 诉求 analysis and the weekly briefing

The whole Huadu 2022 demo year (\`demo load\`; the 2022 hotline's tickets counted in the second
column, all work orders analysed); medians of three runs, district-wide (system actor).
- hot topics: \`getHotTopics\` over 2022-01-01 … 2022-12-31 (terms and categories), target < 3 s;
- rising, year: every week of 2022 with its trailing eight weeks from one scan (weekly counts per
  term and category, then the Poisson test), target < 3 s; rising, week: \`getRisingTopics\` for the
  week of 2022-03-14;
- weekly briefing: \`zhengwu briefing build\` for 2022-03-14 … 2022-03-20, every figure and table
  with its SQL, the charts (ECharts SSR → SVG → resvg PNG) and the DOCX, target < 10 s; of which
  the charts and DOCX alone in the next column; monthly: March 2022;
- segmentation: \`topicTerms\` (jieba + the stop-word list) on the first ${first?.segmented ?? 0} tickets' title and content.

| engine | 2022 hotline tickets | hot topics (year) | rising (year) | rising (week) | weekly briefing | of it charts + DOCX | monthly briefing | segmentation (tickets/s) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

Weekly DOCX ${((first?.docxBytes ?? 0) / 1024).toFixed(0)} KiB.
`;
}
