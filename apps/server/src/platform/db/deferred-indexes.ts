import { sql } from "drizzle-orm";
import { inLanes } from "../lanes.ts";
import type { Db } from "./client.ts";
import { queryRows } from "./rows.ts";

/**
 * A first bulk load writes millions of rows; keeping every secondary index current row by row costs
 * more than building it once afterwards (on PGlite some 8 s of a year's load). So a load into empty
 * tables may drop their plain secondary indexes and rebuild them at its end. Unique indexes and
 * constraints stay: they guard the data against a live write meanwhile. A table that holds rows keeps
 * everything: a database in use must not lose its indexes for the length of a load.
 */
export async function deferIndexes(db: Db, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) {
    return [];
  }
  return db.transaction(async (tx) => {
    const empty: string[] = [];
    for (const table of tables) {
      const [row] = await queryRows<{ filled: boolean }>(
        tx,
        sql`select exists (select 1 from ${sql.identifier(table)}) as filled`,
      );
      if (!row?.filled) {
        empty.push(table);
      }
    }
    if (empty.length === 0) {
      return [];
    }
    const list = sql.join(
      empty.map((t) => sql`${t}`),
      sql`, `,
    );
    const found = await queryRows<{ name: string; table: string; def: string }>(
      tx,
      sql`select i.indexname as name, i.tablename as table, i.indexdef as def
          from pg_indexes i join pg_index x on x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
          where i.schemaname = current_schema() and i.tablename in (${list})
            and not x.indisunique and not x.indisprimary
            and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
          order by i.tablename, i.indexname`,
    );
    for (const f of found) {
      await tx.execute(sql`insert into deferred_indexes (index_name, table_name, definition)
          values (${f.name}, ${f.table}, ${f.def}) on conflict (index_name) do nothing`);
      await tx.execute(sql`drop index ${sql.identifier(f.name)}`);
    }
    return found.map((f) => f.name);
  });
}

/**
 * Builds the deferred indexes of `tables` (all when omitted) and forgets them, one transaction each:
 * called at the end of a load, and whenever the database is opened, for a load that was killed.
 * With `lanes` > 1 (a server's pool) that many builds run side by side, biggest tables first, so the
 * longest build does not come last. Returns the built names by table, then name.
 */
export async function restoreDeferredIndexes(db: Db, tables?: readonly string[], lanes = 1): Promise<string[]> {
  const filter =
    tables && tables.length > 0
      ? sql`where table_name in (${sql.join(
          tables.map((t) => sql`${t}`),
          sql`, `,
        )})`
      : sql``;
  const pending = await queryRows<{ name: string; table: string; def: string }>(
    db,
    sql`select index_name as name, table_name as table, definition as def from deferred_indexes ${filter}
        order by pg_relation_size(to_regclass(table_name)) desc nulls last, table_name, index_name`,
  );
  const built: Array<{ name: string; table: string }> = [];
  const build = async (p: (typeof pending)[number]) => {
    await db.transaction(async (tx) => {
      // Another process may have taken it meanwhile: only the holder of the row builds.
      const [claimed] = await queryRows<{ name: string }>(
        tx,
        sql`delete from deferred_indexes where index_name = ${p.name} returning index_name as name`,
      );
      if (!claimed) {
        return;
      }
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(p.def.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS ")));
      built.push(p);
    });
  };
  await inLanes(pending, lanes, build);
  return built.sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name)).map((b) => b.name);
}
