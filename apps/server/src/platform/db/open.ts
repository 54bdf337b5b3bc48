import type { Config } from "../config.ts";
import { type Database, openPglite, openPostgres } from "./client.ts";
import { restoreDeferredIndexes } from "./deferred-indexes.ts";
import { acquireDataDirLock } from "./lock.ts";
import { migrateDatabase } from "./migrate.ts";

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite) and migrates it.
 * Indexes a killed bulk load deferred are built here unless `deferredIndexes` is "later": the server
 * answers first and builds them in the background (after a crash they may take minutes).
 */
export async function openConfiguredDatabase(
  config: Config,
  purpose: string,
  opts: { deferredIndexes?: "now" | "later" } = {},
): Promise<Database> {
  const restoreNow = opts.deferredIndexes !== "later";
  if (config.db.url) {
    const database = await openPostgres(config.db.url);
    await migrateDatabase(database);
    if (restoreNow) {
      await restoreDeferredIndexes(database.db);
    }
    return database;
  }
  const release = acquireDataDirLock(config.db.dataDir, purpose);
  try {
    const database = await openPglite(config.db.dataDir);
    await migrateDatabase(database);
    // A bulk load killed half-way left its indexes to build.
    if (restoreNow) {
      await restoreDeferredIndexes(database.db);
    }
    return {
      ...database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
