import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { deferIndexesOnServer, isEmbedded } from "./lanes.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
});
afterAll(() => drop());

const plainIndexes = async () =>
  (
    await queryRows<{ name: string }>(
      database.db,
      sql`select indexname as name from pg_indexes where schemaname = current_schema()
          and tablename = 'service_cases' and indexname in ('service_cases_hall_idx', 'service_cases_scope_idx')`,
    )
  ).length;

describe("indexes during the demo year's load", () => {
  it("keeps them on the embedded database (a CREATE INDEX over the year would stop the server) and defers them on a server", async () => {
    const db = database.db;
    const [rows] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from service_cases`);
    expect(rows?.n).toBe(0);
    expect(await plainIndexes()).toBe(2);
    await deferIndexesOnServer(db, ["service_cases"]);
    if (await isEmbedded(db)) {
      expect(await plainIndexes()).toBe(2);
    } else {
      expect(await plainIndexes()).toBe(0);
      const [left] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from deferred_indexes`);
      expect(left?.n).toBeGreaterThanOrEqual(2);
    }
  });
});
