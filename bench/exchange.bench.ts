import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { verifyExchangeChain } from "../apps/server/src/modules/data-sharing/exchange-log.service.ts";
import { createTenantFromCode } from "../apps/server/src/modules/tenants/tenants.service.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { createBenchDatabase } from "./support.ts";

/*
 * `zhengwu exchange verify`'s work over ENTRIES log entries of one tenant: the chain is written
 * through the log's own insert trigger (valid links, numbered and hashed by the database as the data
 * service's calls are), in statements of CHUNK rows, then verified.
 */
const ENTRIES = Number(process.env.BENCH_EXCHANGE_ENTRIES ?? 1_000_000);
const CHUNK = 500;

async function measure(database: Database): Promise<{ writeMs: number; verifyMs: number; checked: number }> {
  await migrateDatabase(database);
  const { tenant } = await createTenantFromCode(database.db, "440115", systemClock);
  const consumer = randomUUID();
  const resourceId = randomUUID();
  const t0 = performance.now();
  for (let start = 1; start <= ENTRIES; start += CHUNK) {
    const end = Math.min(ENTRIES, start + CHUNK - 1);
    await database.db.execute(sql`insert into data_exchange_log (id, tenant_id, seq, at, consumer_unit_id,
        consumer_path, provider_path, grant_id, resource_id, resource_code, fields, filter, rows_returned,
        request_id, outcome, reason, prev_hash, hash)
      select gen_random_uuid(), ${tenant.id}, 0, timestamptz '2022-01-01 00:00:00+08' + g * interval '30 seconds',
        ${consumer}, ${`/${tenant.id}/`}, ${`/${tenant.id}/`}, null, ${resourceId}, '10101001-00001',
        array['姓名', '身份证号'], jsonb_build_object('村居', (g % 200)::text), 100, 'bench-' || g, 'served', null, '', ''
      from generate_series(${start}::int, ${end}::int) g
      order by g`);
  }
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  const result = await verifyExchangeChain(database.db, tenant.id);
  const verifyMs = performance.now() - t1;
  if (!result.ok) {
    throw new Error(`chain reported broken: ${result.reason}`);
  }
  return { writeMs, verifyMs, checked: result.checked };
}

export async function benchExchange(engines: readonly string[]): Promise<string> {
  const rows: string[] = [];
  const row = (engine: string, r: Awaited<ReturnType<typeof measure>>) =>
    `| ${engine} | ${r.checked.toLocaleString("en-US")} | ${(r.verifyMs / 1000).toFixed(1)} s | ${r.verifyMs < 10_000 ? "met" : "NOT met"} | ${(r.writeMs / 1000).toFixed(0)} s | ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} |`;
  if (engines.includes("postgres")) {
    const db = createBenchDatabase("zhengwu_bench_exchange");
    const database = await openPostgres(db.url);
    try {
      rows.push(row("PostgreSQL", await measure(database)));
    } finally {
      await database.close();
      db.drop();
    }
  }
  if (engines.includes("pglite")) {
    const database = await openPglite(undefined);
    try {
      rows.push(row("PGlite (in memory)", await measure(database)));
    } finally {
      await database.close();
    }
  }
  return `## Exchange log verification

\`verifyExchangeChain\` (what \`zhengwu exchange verify\` runs) over ${ENTRIES.toLocaleString("en-US")} entries of one
tenant's data-sharing exchange log: every link's sequence, previous hash and SHA-256 recomputed from
its fields by the database (the hash function its insert trigger applies), in two statements run side
by side (content hashes; sequence and previous-hash linkage), plus the head. The
chain is written beforehand through that trigger in statements of 500 rows (the last column, not part
of the target).

| engine | entries checked | verify | target < 10 s | writing the chain | load average (1/5/15 min) after |
| --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}
