import type { Config } from "../config.ts";
import { type Database, openPglite, openPostgres } from "./client.ts";
import { acquireDataDirLock } from "./lock.ts";
import { migrateDatabase } from "./migrate.ts";

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite) and migrates it. */
export async function openConfiguredDatabase(config: Config, purpose: string): Promise<Database> {
  if (config.db.url) {
    const database = await openPostgres(config.db.url);
    await migrateDatabase(database);
    return database;
  }
  const release = acquireDataDirLock(config.db.dataDir, purpose);
  try {
    const database = await openPglite(config.db.dataDir);
    await migrateDatabase(database);
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
