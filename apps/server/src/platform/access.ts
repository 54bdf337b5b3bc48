import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../../packages/contracts/src/common.ts";
import type { Actor } from "./actor.ts";

/** Org paths whose subtrees the actor covers with any of `roles` (all roles when omitted). */
export function scopePaths(actor: Actor, roles?: readonly Role[]): string[] {
  if (actor.kind === "user") {
    return actor.grants.filter((g) => !roles || roles.includes(g.role)).map((g) => g.path);
  }
  if (actor.kind === "api_key") {
    return [actor.orgPath];
  }
  return ["/"];
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.kind === "user" && actor.grants.some((g) => roles.includes(g.role));
}

/** True when `path` lies in the subtree of one of `paths`. */
export function covers(paths: readonly string[], path: string): boolean {
  return paths.some((p) => path.startsWith(p));
}

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
