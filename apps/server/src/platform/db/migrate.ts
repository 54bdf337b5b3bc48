import { fileURLToPath } from "node:url";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** Applies the one migration set to whichever driver is open; safe to run repeatedly. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.driver === "pglite") {
    // The drivers' migrators want their own database types; both share the Db query interface.
    await migratePglite(database.db as PgliteDatabase, config);
  } else {
    await migratePg(database.db as NodePgDatabase, config);
  }
}
