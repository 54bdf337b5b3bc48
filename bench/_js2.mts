import { sql } from "drizzle-orm";
import { openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
const url = process.env.DATABASE_URL;
const d = url ? await openPostgres(url, 4) : await openPglite(process.env.ZHENGWU_DATA_DIR);
const [t] = await queryRows<{ id: string }>(d.db, sql`select id from tenants where code='440114'`);
for (const key of [sql`x.hall_id::text`, sql`to_char(x.day, 'YYYY-MM-DD')`]) for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const rows = await queryRows<{ k: string; w: string; s: string }>(d.db, sql`select ${key} as k, string_agg(array_to_string(x.waits, ','), ',') as w, string_agg(array_to_string(x.services, ','), ',') as s from hall_case_cells x join halls h on h.id = x.hall_id where x.tenant_id = ${t?.id} and x.day between '2022-01-01' and '2022-12-31' group by 1`);
  const t1 = performance.now();
  let n = 0;
  for (const r of rows) { for (const str of [r.w, r.s]) { const parts = str.split(","); const a = new Int32Array(parts.length); for (let j = 0; j < parts.length; j++) a[j] = Number(parts[j]); a.sort(); n += a.length; } }
  console.log(rows.length, n, "fetch", Math.round(t1 - t0), "js", Math.round(performance.now() - t1));
}
await d.close();
