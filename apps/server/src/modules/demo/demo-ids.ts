import { type SQL, sql } from "drizzle-orm";

/*
 * Deterministic demo ids: md5 of a seed-qualified text with the version nibble set to 4 and the
 * variant nibble to 8, so a demo id is a well-formed RFC 9562 uuid (a bare md5(…)::uuid is not, and
 * strict clients reject it) while the same seed still gives the same ids.
 */
const shape = (md5: string) => `overlay(overlay(${md5} placing '4' from 13) placing '8' from 17)::uuid`;

/** For SQL written as text: `textExpr` is an SQL text expression. */
export const md5Uuid = (textExpr: string): string => shape(`md5(${textExpr})`);

/** For drizzle's sql template: `textExpr` may hold bound parameters. */
export const md5UuidSql = (textExpr: SQL): SQL =>
  sql`overlay(overlay(md5(${textExpr}) placing '4' from 13) placing '8' from 17)::uuid`;
