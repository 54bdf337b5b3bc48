import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { issueApiKey } from "../apps/server/src/modules/api-keys/api-keys.service.ts";
import {
  dataGrants,
  dataRequests,
  dataResources,
} from "../apps/server/src/modules/data-sharing/data-sharing.schema.ts";
import { createTenantFromCode } from "../apps/server/src/modules/tenants/tenants.service.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
import { createBenchDatabase, percentile, startServer } from "./support.ts";

/*
 * The data service under a consumer system's load: a 1,000,000-row resource (a 自然人 register of
 * 200 村居), one grant and its credential, and RATE requests a second for DURATION_MS, each asking a
 * page of 100 rows of one 村居 (filter[村居]=…, a random page among the first ten). Open loop: a
 * request leaves on schedule whether the earlier ones have answered or not, so queueing shows.
 */
const ROWS = Number(process.env.BENCH_DATA_ROWS ?? 1_000_000);
const RATE = 200;
const DURATION_MS = 30_000;
const WARMUP_MS = 5_000;
const VILLAGES = 200;
const PORT = 3917;

type Result = { requests: number; failures: number; p50: number; p95: number; p99: number; max: number; load: string };

export async function prepare(url: string): Promise<{ code: string; secret: string }> {
  const database = await openPostgres(url);
  try {
    await migrateDatabase(database);
    const { tenant } = await createTenantFromCode(database.db, "440114", systemClock);
    const units = await queryRows<{ id: string; path: string }>(
      database.db,
      sql`select id::text as id, path from org_units where tenant_id = ${tenant.id} order by path limit 2 offset 1`,
    );
    const [provider, consumer] = units;
    if (!provider || !consumer) {
      throw new Error("org tree too small");
    }
    const code = "10100001-00001";
    const resourceId = randomUUID();
    const now = new Date();
    await database.db.insert(dataResources).values({
      id: resourceId,
      tenantId: tenant.id,
      code,
      name: "自然人基础信息",
      providerUnitId: provider.id,
      scopePath: provider.path,
      summary: "压测用人口基础信息",
      classification: "basic",
      subclass: "人口",
      format: "table",
      shareType: "unconditional",
      shareCondition: "",
      shareMethod: "接口",
      openType: "none",
      updateCycle: "daily",
      publishedOn: "2022-01-04",
      fields: [
        {
          name: "身份证号",
          type: "C",
          length: 18,
          required: true,
          codeList: null,
          personal: true,
          key: true,
          query: false,
        },
        {
          name: "姓名",
          type: "C",
          length: 30,
          required: true,
          codeList: null,
          personal: true,
          key: false,
          query: false,
        },
        {
          name: "村居",
          type: "C",
          length: 50,
          required: true,
          codeList: null,
          personal: false,
          key: false,
          query: true,
        },
        {
          name: "性别",
          type: "C",
          length: 2,
          required: false,
          codeList: ["男", "女"],
          personal: false,
          key: false,
          query: false,
        },
      ],
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    // The rows straight from SQL: the benchmark is the reading, not the loading.
    const batchId = randomUUID();
    // 村居 is the resource's 查询条件: its value is the row's facet, as every write path stores it.
    await database.db.execute(sql`insert into data_rows (tenant_id, resource_id, key, data, batch_id, facet)
      select ${tenant.id}, ${resourceId}, lpad(g::text, 18, '0'),
        jsonb_build_object('身份证号', lpad(g::text, 18, '0'), '姓名', '居民' || g,
          '村居', '村居' || (g % ${VILLAGES}), '性别', case when g % 2 = 0 then '男' else '女' end),
        ${batchId}, '村居' || (g % ${VILLAGES})
      from generate_series(1, ${ROWS}) g`);
    // As a live table would be long before consumers call it (autovacuum), and as pgbench starts a run:
    // visibility and hint bits set, statistics fresh, and the load's dirty pages written out — else the
    // first reads of each row dirty its page and the load's checkpoint lands in the measured window.
    await database.db.execute(sql`vacuum analyze data_rows`);
    await database.db.execute(sql`checkpoint`);
    const requestId = randomUUID();
    const fields = ["身份证号", "姓名", "村居", "性别"];
    await database.db.insert(dataRequests).values({
      id: requestId,
      tenantId: tenant.id,
      resourceId,
      consumerUnitId: consumer.id,
      consumerPath: consumer.path,
      providerPath: provider.path,
      purpose: "压测",
      legalBasis: "压测",
      fields,
      periodFrom: "2022-01-01",
      periodTo: "2099-12-31",
      status: "granted",
      createdBy: "bench",
      createdAt: now,
    });
    const grantId = randomUUID();
    await database.db.insert(dataGrants).values({
      id: grantId,
      tenantId: tenant.id,
      requestId,
      resourceId,
      consumerUnitId: consumer.id,
      consumerPath: consumer.path,
      providerPath: provider.path,
      fields,
      personal: false,
      conditions: "",
      validFrom: "2022-01-01",
      validTo: "2099-12-31",
      status: "active",
      createdAt: now,
    });
    const { secret } = await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: consumer.id, createdBy: "bench", grantId },
      { name: "压测凭证", scopes: ["data:read"] },
    );
    return { code, secret };
  } finally {
    await database.close();
  }
}

async function drive(base: string, code: string, secret: string): Promise<Result> {
  const latencies: number[] = [];
  let failures = 0;
  const one = async (record: boolean) => {
    const village = Math.floor(Math.random() * VILLAGES);
    const page = 1 + Math.floor(Math.random() * 10);
    const url = `${base}/api/data/resources/${code}/rows?page=${page}&pageSize=100&filter[${encodeURIComponent("村居")}]=${encodeURIComponent(`村居${village}`)}`;
    const t0 = performance.now();
    try {
      const res = await fetch(url, { headers: { "x-api-key": secret } });
      const body = (await res.json()) as { items?: unknown[] };
      const ok = res.ok && body.items?.length === 100;
      if (record) {
        latencies.push(performance.now() - t0);
        failures += ok ? 0 : 1;
      }
    } catch {
      failures += record ? 1 : 0;
    }
  };
  const run = async (ms: number, record: boolean) => {
    const pending: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; ; i++) {
      const due = start + (i * 1000) / RATE;
      if (due - start >= ms) {
        break;
      }
      const wait = due - performance.now();
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, wait));
      }
      pending.push(one(record));
    }
    await Promise.all(pending);
  };
  await run(WARMUP_MS, false);
  await run(DURATION_MS, true);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    failures,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    load: loadavg()
      .map((l) => l.toFixed(1))
      .join(" / "),
  };
}

export async function benchDataService(): Promise<string> {
  const db = createBenchDatabase("zhengwu_bench_data");
  let result: Result;
  try {
    const { code, secret } = await prepare(db.url);
    const server = await startServer({ DATABASE_URL: db.url, NODE_ENV: "production" }, PORT);
    try {
      result = await drive(`http://127.0.0.1:${PORT}`, code, secret);
    } finally {
      await server.stop();
    }
  } finally {
    db.drop();
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return `## Data service under load

\`GET /api/data/resources/:code/rows\` with a \`data:read\` credential on PostgreSQL: a resource of
${ROWS.toLocaleString("en-US")} rows (200 村居 of ${(ROWS / VILLAGES).toLocaleString("en-US")} rows each), every
request a page of 100 rows filtered on one 村居 (a random page among the first ten), sent open-loop at
${RATE} requests/s for ${DURATION_MS / 1000} s after a ${WARMUP_MS / 1000} s warm-up, from a client on the same
machine (the server's two cores are shared with it and with PostgreSQL). 村居 is the resource's
查询条件, so a filtered page is a range of the \`(resource, facet, key)\` index in key order. Each request
is answered only after its entry is committed to the hash-chained exchange log (calls that arrive
while an append is under way are appended together); a credential's grant and resource are read in one
statement and kept 5 s (cleared when a grant is revoked or a resource edited).

| engine | requests | failed | p50 | p95 | p99 | max | target p99 < 50 ms | load average (1/5/15 min) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| PostgreSQL | ${result.requests.toLocaleString("en-US")} | ${result.failures} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${ms(result.max)} | ${result.p99 < 50 ? "met" : "NOT met"} | ${result.load} |
`;
}
