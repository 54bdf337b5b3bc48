import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/test-db.ts";
import type { Database } from "../platform/db/client.ts";
import { queryRows } from "../platform/db/rows.ts";

/** Tables that are not owned by one tenant, and why. Anything else must carry tenant_id. */
const NOT_TENANT_OWNED: Record<string, string> = {
  tenants: "the tenants themselves",
  calendar_days: "national statutory holidays (reference data; tenant days live in tenant_calendar_days)",
  login_failures: "sign-in throttle keyed by name and address, before any tenant is known",
  deferred_indexes: "schema bookkeeping of indexes built after a bulk load",
  __drizzle_migrations: "migration bookkeeping",
  job_runs: "runs of the periodic jobs, each sweeping every tenant (one run, not one per tenant)",
  proof_failures: "public proof throttle keyed by ticket/booking and address; an address spans tenants",
};

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("every table carries tenant_id", () => {
  it("except the explicit, justified allow-list", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select t.table_name from information_schema.tables t
          where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
            and not exists (
              select 1 from information_schema.columns c
              where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id'
            )
          order by 1`,
    );
    const missing = rows.map((r) => r.table_name).filter((t) => !(t in NOT_TENANT_OWNED));
    expect(missing).toEqual([]);
  });

  it("tenant_id is never nullable", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'tenant_id' and is_nullable = 'YES' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });
});
