import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../src/platform/db/client.ts";
import { migrateDatabase } from "../src/platform/db/migrate.ts";

const TEMPLATE_PATH = fileURLToPath(new URL("../../../.tmp/test-template.tar.gz", import.meta.url));

/**
 * Migrates once per run: a PGlite template dumped to disk (each test file restores it in about a
 * second instead of creating a database in 3–6 s), and the PostgreSQL server when DATABASE_URL is set.
 */
export default async function setup(project: TestProject): Promise<void> {
  const pglite = await openPglite(undefined);
  await migrateDatabase(pglite);
  const blob = await pglite.dump();
  await pglite.close();
  mkdirSync(dirname(TEMPLATE_PATH), { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await blob.arrayBuffer()));
  const url = process.env.DATABASE_URL ?? "";
  if (url) {
    const pg = await openPostgres(url, 2);
    await migrateDatabase(pg);
    await pg.close();
  }
  project.provide("databaseUrl", url);
  project.provide("pgliteTemplate", TEMPLATE_PATH);
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    pgliteTemplate: string;
  }
}
