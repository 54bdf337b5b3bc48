import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { loadConfig } from "../config.ts";
import type { Database, Db } from "./client.ts";
import { deferIndexes, restoreDeferredIndexes } from "./deferred-indexes.ts";
import { openConfiguredDatabase } from "./open.ts";
import { queryRows } from "./rows.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};

async function indexDefs(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ def: string }>(
    db,
    sql`select indexdef as def from pg_indexes where schemaname = current_schema() and tablename = ${table} order by indexname`,
  );
  return rows.map((r) => r.def);
}

async function pending(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`select index_name as name from deferred_indexes order by 1`);
  return rows.map((r) => r.name);
}

/** A table like the bulk ones: a primary key, a unique constraint, a unique index and two plain indexes. */
async function createProbe(db: Db) {
  await db.execute(sql`drop table if exists bulk_probe`);
  await db.execute(sql`create table bulk_probe (id int primary key, code text not null constraint bulk_probe_code_uq unique,
    ref text not null, v int not null, at timestamptz not null)`);
  await db.execute(sql`create unique index bulk_probe_ref_uq on bulk_probe (ref)`);
  await db.execute(sql`create index bulk_probe_v_idx on bulk_probe (v, at desc)`);
  await db.execute(sql`create index bulk_probe_code_like_idx on bulk_probe (code text_pattern_ops) where v > 0`);
}

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
});
afterAll(() => drop());
beforeEach(async () => {
  await createProbe(database.db);
});

describe("deferred indexes of a bulk load", () => {
  it("drops only the plain indexes of an empty table and builds them back exactly", async () => {
    const db = database.db;
    const before = await indexDefs(db, "bulk_probe");
    expect(before).toHaveLength(5);
    expect(await deferIndexes(db, ["bulk_probe"])).toEqual(["bulk_probe_code_like_idx", "bulk_probe_v_idx"]);
    // The primary key and both unique guards stay while the load runs.
    expect(await indexDefs(db, "bulk_probe")).toEqual(before.filter((d) => !/_v_idx|_like_idx/.test(d)));
    expect(await pending(db)).toEqual(["bulk_probe_code_like_idx", "bulk_probe_v_idx"]);
    await db.execute(
      sql`insert into bulk_probe select g, 'c' || g, 'r' || g, g % 7, now() from generate_series(1, 500) g`,
    );
    expect(await restoreDeferredIndexes(db, ["bulk_probe"])).toEqual(["bulk_probe_code_like_idx", "bulk_probe_v_idx"]);
    expect(await indexDefs(db, "bulk_probe")).toEqual(before);
    expect(await pending(db)).toEqual([]);
    expect(await restoreDeferredIndexes(db)).toEqual([]);
  });

  it("keeps every index of a table that holds rows", async () => {
    const db = database.db;
    await db.execute(sql`insert into bulk_probe values (1, 'a', 'b', 1, now())`);
    const before = await indexDefs(db, "bulk_probe");
    expect(await deferIndexes(db, ["bulk_probe"])).toEqual([]);
    expect(await indexDefs(db, "bulk_probe")).toEqual(before);
    expect(await pending(db)).toEqual([]);
  });

  it("restores only the tables asked for", async () => {
    const db = database.db;
    await deferIndexes(db, ["bulk_probe"]);
    expect(await restoreDeferredIndexes(db, ["work_orders"])).toEqual([]);
    expect(await pending(db)).toHaveLength(2);
    expect(await restoreDeferredIndexes(db)).toHaveLength(2);
  });

  it("builds side by side on lanes, biggest table first, and reports them in name order", async () => {
    const db = database.db;
    await db.execute(sql`drop table if exists bulk_small`);
    await db.execute(sql`create table bulk_small (id int primary key, v int not null)`);
    await db.execute(sql`create index bulk_small_v_idx on bulk_small (v)`);
    const before = [...(await indexDefs(db, "bulk_probe")), ...(await indexDefs(db, "bulk_small"))];
    expect(await deferIndexes(db, ["bulk_small", "bulk_probe"])).toHaveLength(3);
    await db.execute(
      sql`insert into bulk_probe select g, 'c' || g, 'r' || g, g % 7, now() from generate_series(1, 2000) g`,
    );
    await db.execute(sql`insert into bulk_small values (1, 1)`);
    expect(await restoreDeferredIndexes(db, undefined, 2)).toEqual([
      "bulk_probe_code_like_idx",
      "bulk_probe_v_idx",
      "bulk_small_v_idx",
    ]);
    expect([...(await indexDefs(db, "bulk_probe")), ...(await indexDefs(db, "bulk_small"))]).toEqual(before);
    expect(await pending(db)).toEqual([]);
    await db.execute(sql`drop table bulk_small`);
  });

  it("builds each index once when two restores race", async () => {
    const db = database.db;
    await deferIndexes(db, ["bulk_probe"]);
    const [a, b] = await Promise.all([restoreDeferredIndexes(db), restoreDeferredIndexes(db)]);
    expect([...(a ?? []), ...(b ?? [])].sort()).toEqual(["bulk_probe_code_like_idx", "bulk_probe_v_idx"]);
    expect(await indexDefs(db, "bulk_probe")).toHaveLength(5);
  });
});

describe("a load killed before its end", () => {
  it("gets its indexes back when the embedded database is next opened", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhengwu-deferred-"));
    const config = loadConfig({ NODE_ENV: "test", ZHENGWU_DATA_DIR: join(dir, "data") });
    try {
      const first = await openConfiguredDatabase(config, "test");
      await createProbe(first.db);
      const before = await indexDefs(first.db, "bulk_probe");
      expect(await deferIndexes(first.db, ["bulk_probe"])).toHaveLength(2);
      // The process ends here without restoring.
      await first.close();
      const second = await openConfiguredDatabase(config, "test");
      expect(await indexDefs(second.db, "bulk_probe")).toEqual(before);
      expect(await pending(second.db)).toEqual([]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
