import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { orgUnits } from "../org/org.schema.ts";
import { ratings } from "./evaluations.schema.ts";

export type RatingRow = typeof ratings.$inferSelect;

export async function insertRating(db: Db, row: RatingRow): Promise<void> {
  await db.insert(ratings).values(row);
}

export async function findRating(db: Db, tenantId: string, id: string): Promise<RatingRow | undefined> {
  const [row] = await db
    .select()
    .from(ratings)
    .where(and(eq(ratings.tenantId, tenantId), eq(ratings.id, id)));
  return row;
}

export async function findRatingBySubject(
  db: Db,
  tenantId: string,
  kind: string,
  subjectId: string,
): Promise<RatingRow | undefined> {
  const [row] = await db
    .select()
    .from(ratings)
    .where(and(eq(ratings.tenantId, tenantId), eq(ratings.subjectKind, kind), eq(ratings.subjectId, subjectId)));
  return row;
}

export async function updateRating(db: Db, id: string, set: Partial<RatingRow>): Promise<void> {
  await db.update(ratings).set(set).where(eq(ratings.id, id));
}

export async function unitNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The numbers people know the rated services by, by subject id: a hall case's 办件编号, an online
 * case's number, a ticket's number. A subject not numbered (yet) is missing from the map.
 */
export async function subjectNumbers(db: Db, subjectIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(subjectIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; no: string }>(
    db,
    sql`select id::text as id, case_no as no from service_cases where id in (${list}) and case_no is not null
        union all select id::text, case_no from online_cases where id in (${list})
        union all select id::text, external_no from work_orders where id in (${list}) and external_no is not null`,
  );
  return new Map(rows.map((r) => [r.id, r.no]));
}

/** What a rating shows instead of ids: its unit's name and its subject's number. */
export type RatingLabels = { units: Map<string, string>; numbers: Map<string, string> };

export async function ratingLabels(db: Db, rows: readonly RatingRow[]): Promise<RatingLabels> {
  const [units, numbers] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.unitId),
    ),
    subjectNumbers(
      db,
      rows.map((r) => r.subjectId),
    ),
  ]);
  return { units, numbers };
}
