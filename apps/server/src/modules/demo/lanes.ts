import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { deferIndexes, restoreDeferredIndexes } from "../../platform/db/deferred-indexes.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { inLanes } from "../../platform/lanes.ts";
import { breathe } from "./ticket-batch.ts";

const engines = new WeakMap<Db, Promise<boolean>>();

/** PGlite (one connection, in process) rather than a PostgreSQL server; asked once per handle. */
export function isEmbedded(db: Db): Promise<boolean> {
  let embedded = engines.get(db);
  if (!embedded) {
    embedded = queryRows<{ v: string }>(db, sql`select version() as v`).then(([row]) =>
      (row?.v ?? "").includes("PGlite"),
    );
    engines.set(db, embedded);
    // A failed probe is not remembered: the next call asks again.
    embedded.catch(() => engines.delete(db));
  }
  return embedded;
}

/** Runs of consecutive days of at most `max` rows together (a bigger day stands alone): a transaction each. */
export function chunkDays<T extends { count: number }>(days: readonly T[], max: number): T[][] {
  const chunks: T[][] = [];
  let rows = 0;
  for (const d of days) {
    const current = chunks.at(-1);
    if (current && current.length > 0 && rows + d.count <= max) {
      current.push(d);
      rows += d.count;
    } else {
      chunks.push([d]);
      rows = d.count;
    }
  }
  return chunks;
}

/** Whether a part of the demo year was loaded to its end: its completion entry is in the audit log. */
export async function partLoaded(db: Db, tenantId: string, action: string): Promise<boolean> {
  const [done] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId} and action = ${action}`,
  );
  return Number(done?.n ?? 0) > 0;
}

/**
 * Defers the plain indexes of `tables` to the load's end on a PostgreSQL server only. On the embedded
 * database one CREATE INDEX over a year of rows holds the single connection — and the event loop —
 * for seconds, so the server would stop answering; kept up to date row by row, the same work is
 * spread over the load's short chunk transactions.
 */
export async function deferIndexesOnServer(db: Db, tables: readonly string[]): Promise<void> {
  if (!(await isEmbedded(db))) {
    await deferIndexes(db, tables);
  }
}

/**
 * Builds the indexes a part's load deferred on `tables` (two at a time on a server) and says how
 * many and how long, when any.
 */
export async function rebuildIndexes(db: Db, tables: readonly string[], label: string, progress: (m: string) => void) {
  const t0 = Date.now();
  const built = await restoreDeferredIndexes(db, tables, (await isEmbedded(db)) ? 1 : 2);
  if (built.length > 0) {
    progress(`${label}索引 ${built.length} 个已重建（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  }
}

/**
 * Brings the planner's statistics of `tables` up to date after a load (two at a time on a server),
 * from a sample of 9,000 rows instead of the default 30,000: the demo's columns are few-valued or
 * evenly spread, and on the embedded database the default sample took some 3.5 s.
 */
export async function analyzeTables(db: Db, tables: readonly string[]): Promise<void> {
  await inLanes(tables, (await isEmbedded(db)) ? 1 : 2, async (table) => {
    await breathe();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local default_statistics_target = 30`);
      await tx.execute(sql`analyze ${sql.identifier(table)}`);
    });
  });
}

/**
 * Statistics that keep up with a load on the embedded database (it has no autovacuum): `tables`
 * are analyzed after the 1st, 2nd, 4th, 8th … chunk, so while they grow from nothing the planner
 * knows their size. Without it the server's lists, asked meanwhile, sorted the whole table for a
 * page of twenty instead of reading the newest twenty from an index. On a server autovacuum does it.
 */
export function analyzeAsTheyGrow(db: Db, tables: readonly string[]): () => Promise<void> {
  let chunks = 0;
  return async () => {
    chunks += 1;
    if ((chunks & (chunks - 1)) === 0 && (await isEmbedded(db))) {
      await analyzeTables(db, tables);
    }
  };
}
