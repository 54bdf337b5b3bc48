import { sql } from "drizzle-orm";
import { buildApp } from "../apps/server/src/app.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { loadConfig } from "../apps/server/src/platform/config.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { resourceInput } from "../apps/server/test/factories/data-resource.factory.ts";
import { buildTenant } from "../apps/server/test/factories/tenant.factory.ts";
import { buildUser } from "../apps/server/test/factories/user.factory.ts";
import { createBenchDatabase } from "./support.ts";

/*
 * A provider's CSV upload through the HTTP route (in process): ROWS rows of the six-信息项 企业登记
 * resource, parsed, checked against every 信息项 (reject mode: all or nothing) and stored, timed from
 * the request to its 201. Run twice: into the empty resource, then the same keys again (every row an update).
 */
const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 200_000);

function csvFile(rows: number, variant: string): Buffer {
  const lines = ["统一社会信用代码,企业名称,法定代表人,注册资本,成立日期,登记状态"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `91440114MA${String(i).padStart(8, "0")},花都测试企业${i}${variant},张三,${100 + (i % 9000)},2020-05-01,存续`,
    );
  }
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

type Result = { bytes: number; firstMs: number; againMs: number };

async function measure(database: Database): Promise<Result> {
  await migrateDatabase(database);
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", ZHENGWU_DATA_DIR: "/tmp/zw-ingest-bench" });
  const { app } = await buildApp({ database, config, clock: systemClock, logger: false });
  try {
    const tenant = await buildTenant(database.db);
    const officer = await buildUser(database.db, tenant.id, tenant.units.a.id, ["data_officer"]);
    const headers = { cookie: officer.cookie, "x-csrf-token": officer.csrf };
    const input = resourceInput(tenant.units.a1.id);
    const created = await app.inject({ method: "POST", url: "/api/data/resources", headers, payload: input });
    if (created.statusCode !== 201) {
      throw new Error(`resource: ${created.body}`);
    }
    const send = async (batchId: string, body: Buffer) => {
      // Each upload starts from written-out pages (as pgbench starts a run): no earlier write's
      // checkpoint lands in the measured window.
      if (database.driver === "postgres") {
        await database.db.execute(sql`checkpoint`);
      }
      const t0 = performance.now();
      const res = await app.inject({
        method: "POST",
        url: `/api/data/resources/${input.code}/batches/upload?batchId=${batchId}&mode=reject`,
        headers: { ...headers, "content-type": "text/csv" },
        payload: body,
      });
      const ms = performance.now() - t0;
      if (res.statusCode !== 201 || res.json().accepted !== ROWS) {
        throw new Error(`upload ${batchId}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
      return ms;
    };
    const first = csvFile(ROWS, "");
    const firstMs = await send("bench-1", first);
    const againMs = await send("bench-2", csvFile(ROWS, "（更新）"));
    return { bytes: first.length, firstMs, againMs };
  } finally {
    await app.close();
  }
}

export async function benchIngest(engines: readonly string[]): Promise<string> {
  const rows: string[] = [];
  const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
  const row = (engine: string, target: number, r: Result) =>
    `| ${engine} | ${ROWS.toLocaleString("en-US")} | ${(r.bytes / 2 ** 20).toFixed(1)} MB | ${(r.firstMs / 1000).toFixed(1)} s | ${rate(r.firstMs).toLocaleString("en-US")} | ${rate(r.againMs).toLocaleString("en-US")} | ≥ ${target.toLocaleString("en-US")} rows/s: ${Math.min(rate(r.firstMs), rate(r.againMs)) >= target ? "met" : "NOT met"} |`;
  if (engines.includes("postgres")) {
    const db = createBenchDatabase("zhengwu_bench_ingest");
    const database = await openPostgres(db.url);
    try {
      rows.push(row("PostgreSQL", 50_000, await measure(database)));
    } finally {
      await database.close();
      db.drop();
    }
  }
  if (engines.includes("pglite")) {
    const database = await openPglite(undefined);
    try {
      rows.push(row("PGlite (in memory)", 20_000, await measure(database)));
    } finally {
      await database.close();
    }
  }
  return `## Data ingest (CSV upload)

\`POST /api/data/resources/:code/batches/upload\` in process (Fastify inject, a data officer's session):
a UTF-8 CSV of ${ROWS.toLocaleString("en-US")} rows × 6 信息项 (key, required, length, number, date, code list),
reject mode (a bad row anywhere refuses the file whole), in one transaction with the batch and its
audit entry: rows are checked and stored in slices of 2,500, a slice checked in Node while the
database stores the one before. Timed from request to 201: first into an empty resource, then a
second file with the same keys (every row an update, in place on its page: \`data_rows\` keeps half of
each page free for that). The resource names no 查询条件 (nothing indexed beyond its key).

| engine | rows | file | first upload | rows/s (new) | rows/s (update) | target |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}
