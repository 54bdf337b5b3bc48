import { type AnyColumn, type SQL, sql } from "drizzle-orm";

// Who may act where is decided in access-can.ts (`can`, `scopeFor`); this file turns a scope into SQL.

/** SQL predicate: `column` (a materialized path) lies under one of `paths`; false for none. */
export function pathInScope(column: AnyColumn | SQL, paths: readonly string[]): SQL {
  if (paths.length === 0) {
    return sql`false`;
  }
  const likes = paths.map((p) => sql`${column} like ${`${escapeLike(p)}%`}`);
  return sql`(${sql.join(likes, sql` or `)})`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
