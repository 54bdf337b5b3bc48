import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestDatabase } from "../../../test/test-db.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { md5Uuid, md5UuidSql } from "./demo-ids.ts";

describe("demo ids", () => {
  it("are RFC 9562 uuids (version 4, variant 8), deterministic, and the same from both helpers", async () => {
    const database = await openTestDatabase();
    try {
      const rows = await queryRows<{ a: string; b: string; c: string; bare: string }>(
        database.db,
        sql`select ${sql.raw(md5Uuid(`'seed:x:' || g`))}::text as a, ${sql.raw(md5Uuid(`'seed:x:' || g`))}::text as b,
              ${md5UuidSql(sql`${"seed:x:"} || g`)}::text as c, md5('seed:x:' || g)::uuid::text as bare
            from generate_series(1, 200) g`,
      );
      const strict = z.uuid();
      expect(rows.every((r) => strict.safeParse(r.a).success)).toBe(true);
      expect(rows.every((r) => r.a === r.b && r.a === r.c)).toBe(true);
      expect(new Set(rows.map((r) => r.a)).size).toBe(200);
      // The bare cast the loader used before fails the strict check for most rows.
      expect(rows.filter((r) => !strict.safeParse(r.bare).success).length).toBeGreaterThan(100);
    } finally {
      await database.close();
    }
  });
});
