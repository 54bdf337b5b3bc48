import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../src/platform/db/client.ts";
import { migrateDatabase } from "../src/platform/db/migrate.ts";
import { queryRows } from "../src/platform/db/rows.ts";

/**
 * The database a test file runs on: the PostgreSQL server when DATABASE_URL is set (shared,
 * migrated once; tests isolate themselves by tenant), otherwise a fresh PGlite from the template.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = inject("databaseUrl");
  if (url) {
    return openPostgres(url, 4);
  }
  const template = new Blob([readFileSync(inject("pgliteTemplate"))]);
  return openPglite(undefined, template);
}

/**
 * A database of the test file's own, for tests that need empty tables or change the schema: PGlite
 * from the template, or a new, migrated database on the PostgreSQL server, dropped by `drop`.
 */
export async function openOwnTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const shared = await openTestDatabase();
  if (shared.driver !== "postgres") {
    return { database: shared, drop: () => shared.close() };
  }
  const name = `zw_own_${randomBytes(4).toString("hex")}`;
  await shared.db.execute(sql.raw(`create database ${name}`));
  const current = (await queryRows<{ u: string }>(shared.db, sql`select current_database() as u`))[0]?.u ?? "";
  const base = inject("databaseUrl") ?? "";
  const own = await openPostgres(base.replace(new RegExp(`/${current}(\\?|$)`), `/${name}$1`), 4);
  await migrateDatabase(own);
  return {
    database: own,
    drop: async () => {
      await own.close();
      await shared.db.execute(sql.raw(`drop database if exists ${name}`));
      await shared.close();
    },
  };
}
