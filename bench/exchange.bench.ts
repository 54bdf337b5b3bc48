import { randomUUID } from "node:crypto";
import { dataExchangeChains, dataExchangeLog } from "../apps/server/src/modules/data-sharing/data-sharing.schema.ts";
import type { ExchangeRow } from "../apps/server/src/modules/data-sharing/exchange-log.repo.ts";
import { exchangeHash, verifyExchangeChain } from "../apps/server/src/modules/data-sharing/exchange-log.service.ts";
import { createTenantFromCode } from "../apps/server/src/modules/tenants/tenants.service.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { migrateDatabase } from "../apps/server/src/platform/db/migrate.ts";
import { createBenchDatabase } from "./support.ts";

/*
 * `zhengwu exchange verify`'s work over ENTRIES log entries of one tenant: the chain is written
 * directly (valid links, as the data service would have appended them one by one), then verified.
 */
const ENTRIES = Number(process.env.BENCH_EXCHANGE_ENTRIES ?? 1_000_000);
const CHUNK = 2_000;

async function measure(database: Database): Promise<{ writeMs: number; verifyMs: number; checked: number }> {
  await migrateDatabase(database);
  const { tenant } = await createTenantFromCode(database.db, "440115", systemClock);
  const consumer = randomUUID();
  const resourceId = randomUUID();
  let prevHash = "";
  const t0 = performance.now();
  for (let start = 0; start < ENTRIES; start += CHUNK) {
    const rows: ExchangeRow[] = [];
    for (let i = start; i < Math.min(ENTRIES, start + CHUNK); i++) {
      const row = {
        id: randomUUID(),
        tenantId: tenant.id,
        seq: i + 1,
        at: new Date(Date.UTC(2022, 0, 1) + i * 30_000),
        consumerUnitId: consumer,
        consumerPath: `/${tenant.id}/`,
        providerPath: `/${tenant.id}/`,
        grantId: null,
        resourceId,
        resourceCode: "10101001-00001",
        fields: ["姓名", "身份证号"],
        filter: { 村居: String(i % 200) },
        rowsReturned: 100,
        requestId: `bench-${i}`,
        outcome: "served",
        reason: null,
      };
      const hash = exchangeHash(prevHash, row);
      rows.push({ ...row, prevHash, hash });
      prevHash = hash;
    }
    await database.db.insert(dataExchangeLog).values(rows);
  }
  await database.db.insert(dataExchangeChains).values({ tenantId: tenant.id, seq: ENTRIES, head: prevHash });
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
    `| ${engine} | ${r.checked.toLocaleString("en-US")} | ${(r.verifyMs / 1000).toFixed(1)} s | ${r.verifyMs < 10_000 ? "met" : "NOT met"} | ${(r.writeMs / 1000).toFixed(0)} s |`;
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
its fields, read in pages of 5,000 by sequence. The chain is written beforehand in chunks (the last
column, not part of the target).

| engine | entries checked | verify | target < 10 s | writing the chain |
| --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}
