import { mkdirSync } from "node:fs";
import { PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** One query interface over both drivers (PGlite embedded, node-postgres for a server). */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>;
  /** Plain SQL with $n parameters (several statements when there are none), for pg-boss. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
};

// pg returns int8/numeric as strings; parse int8 (counts, bigserial ids) as numbers, as PGlite does.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = drizzlePg({ client: pool });
  return {
    db,
    driver: "postgres",
    ping: async () => {
      await pool.query("select 1");
    },
    executeSql: (text, values) => pool.query(text, values),
    close: () => pool.end(),
  };
}

/**
 * PGlite runs each statement synchronously in this process, and a chain of awaited statements
 * resolves through microtasks only, so a background aggregate of twenty statements would hold the
 * event loop for all of them: every request arriving meanwhile (even one served from a cache) waited
 * for the whole chain. Releasing the loop before each statement lets waiting requests in between
 * statements, so a request waits at most for the one statement running when it arrived.
 */
function releaseLoopBeforeEachQuery(client: PGlite): void {
  const query = client.query.bind(client);
  client.query = async <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return query<T>(text, params, options);
  };
}

/** Opens (or creates) an embedded database in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPglite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
): Promise<Database & { dump(): Promise<Blob> }> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
  }
  // pg_trgm backs the catalog's substring search (migration 0007 creates the extension).
  const client = await PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } });
  releaseLoopBeforeEachQuery(client);
  const db = drizzlePglite({ client });
  return {
    db,
    driver: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    executeSql: async (text, values) => {
      if (values && values.length > 0) {
        return client.query(text, values);
      }
      // PGlite runs several statements only through exec; its last result is the answer.
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: () => client.close(),
    dump: async () => {
      const dumped = await client.dumpDataDir("gzip");
      return dumped;
    },
  };
}
