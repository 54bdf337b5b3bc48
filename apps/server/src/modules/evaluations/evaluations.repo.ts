import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
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
