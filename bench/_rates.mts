import { sql } from "drizzle-orm";
import { computeRates } from "../apps/server/src/modules/evaluations/rates.service.ts";
import { silentLogger } from "../apps/server/src/platform/actor.ts";
import { systemClock } from "../apps/server/src/platform/clock.ts";
import { openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
const url = process.env.DATABASE_URL;
const d = url ? await openPostgres(url, 4) : await openPglite(process.env.ZHENGWU_DATA_DIR);
const [t] = await queryRows<{ id: string }>(d.db, sql`select id from tenants where code='440114'`);
const ctx = { db: d.db, actor: { kind: "system" as const, tenantId: t?.id ?? "", name: "b" }, clock: systemClock, log: silentLogger, requestId: "b" };
for (const g of ["none", "unit", "month"] as const) for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  await computeRates(ctx, { groupBy: g });
  console.log(g, Math.round(performance.now() - t0));
}
await d.close();
