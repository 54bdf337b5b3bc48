import { and, eq, inArray, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { orgUnits } from "./org.schema.ts";

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type NewOrgUnitRow = typeof orgUnits.$inferInsert;
export type OrgUnitWithCount = OrgUnitRow & { childCount: number };

// Correlated on the outer row by its qualified name (an interpolated column would bind to the alias).
const childCount = sql<number>`(select count(*)::int from org_units c where c.parent_id = "org_units"."id")`;

export async function insertOrgUnits(db: Db, rows: NewOrgUnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(orgUnits).values(rows.slice(i, i + 500));
  }
}

export async function findOrgUnitById(db: Db, tenantId: string, id: string): Promise<OrgUnitWithCount | undefined> {
  const [row] = await db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
  return row ? { ...row.unit, childCount: Number(row.childCount) } : undefined;
}

/** Every unit in the given subtrees, ordered for display. */
export async function findOrgUnitsInScope(
  db: Db,
  tenantId: string,
  paths: readonly string[],
): Promise<OrgUnitWithCount[]> {
  const rows = await db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), pathInScope(orgUnits.path, paths)))
    .orderBy(orgUnits.depth, orgUnits.sort, orgUnits.code, orgUnits.name);
  return rows.map((r) => ({ ...r.unit, childCount: Number(r.childCount) }));
}

export async function findRootUnit(db: Db, tenantId: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.depth, 0)));
  return row;
}

export async function findOrgUnitByName(db: Db, tenantId: string, name: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.name, name)))
    .limit(1);
  return row;
}

export async function updateOrgUnitName(db: Db, tenantId: string, id: string, name: string): Promise<void> {
  await db
    .update(orgUnits)
    .set({ name })
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
}

export async function maxChildSort(db: Db, parentId: string): Promise<number> {
  const [row] = await db
    .select({ m: sql<number>`coalesce(max(${orgUnits.sort}), 0)::int` })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, parentId));
  return Number(row?.m ?? 0);
}

export async function findOrgUnitByCode(db: Db, tenantId: string, code: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.code, code)));
  return row;
}

/** Names of units by id, for labelling lists in one query. */
export async function findUnitNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
