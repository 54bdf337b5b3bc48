import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { CatalogFlag, ItemListQuery } from "../../../../../packages/contracts/src/catalog.ts";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { validAt } from "./catalog.repo.ts";
import { catalogMaterialVersions as m, catalogItemVersions as v } from "./catalog.schema.ts";
import { asOfBoundary } from "./catalog-time.ts";

const FLAG_SQL: Record<CatalogFlag, SQL> = {
  materialsReduced: sql`${v.materialsReduced}`,
  deferrable: sql`${v.isDeferrable}`,
  policyBenefit: sql`${v.policyBenefit}`,
  crossRegion: sql`cardinality(${v.crossRegionScopes}) > 0`,
  bookableTown: sql`${v.bookableTown}`,
  bookableVillage: sql`${v.bookableVillage}`,
  onApplication: sql`${v.onApplication}`,
};

/*
 * The outer item version's id, qualified: drizzle writes columns of a one-table query unqualified,
 * so `${v.id}` inside a subquery on the materials would name the material's own id.
 */
const OUTER_ID = sql.raw(`"catalog_item_versions"."id"`);

/** LIKE pattern for a literal substring. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filter of the staff list; the metrics' drill-down links use the same parameters. */
export function itemFilter(tenantId: string, paths: readonly string[], q: Omit<ItemListQuery, "page" | "pageSize">) {
  return and(
    eq(v.tenantId, tenantId),
    validAt(v, q.asOf ? asOfBoundary(q.asOf) : null),
    sql`not ${v.withdrawn}`,
    pathInScope(v.scopePath, paths),
    q.q ? sql`${v.searchText} like ${containsPattern(q.q)}` : undefined,
    q.departmentId ? eq(v.departmentId, q.departmentId) : undefined,
    q.type ? eq(v.itemType, q.type) : undefined,
    q.level ? eq(v.level, q.level) : undefined,
    q.exerciseLevel ? eq(v.exerciseLevel, q.exerciseLevel) : undefined,
    q.flag ? FLAG_SQL[q.flag] : undefined,
    q.materialSource
      ? sql`exists (select 1 from ${m} mm where mm.item_version_id = ${OUTER_ID} and mm.source = ${q.materialSource})`
      : undefined,
  );
}

export async function queryItems(db: Db, tenantId: string, paths: readonly string[], q: ItemListQuery) {
  const where = itemFilter(tenantId, paths, q);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(v).where(where);
  const rows = await db
    .select({
      version: v,
      materialCount: sql<number>`(select count(*)::int from ${m} mm where mm.item_version_id = ${OUTER_ID})`,
      exemptCount: sql<number>`(select count(*)::int from ${m} mm where mm.item_version_id = ${OUTER_ID} and mm.source = 'shared_data')`,
    })
    .from(v)
    .where(where)
    .orderBy(asc(v.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({ ...r, materialCount: Number(r.materialCount), exemptCount: Number(r.exemptCount) })),
  };
}

/** Every item version in scope as of a date (current when omitted), ordered by code: the export's rows. */
export async function findAllVersions(db: Db, tenantId: string, paths: readonly string[], asOf?: string) {
  return db
    .select()
    .from(v)
    .where(itemFilter(tenantId, paths, { asOf }))
    .orderBy(asc(v.code));
}
