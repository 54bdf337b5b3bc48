import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../src/platform/db/client.ts";

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
