import { type AnyColumn, and, asc, desc, eq, getTableColumns, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.ts";
import {
  catalogBundles,
  catalogBundleVersions,
  catalogItems,
  catalogItemVersions,
  catalogMaterialVersions,
  catalogPolicyCases,
} from "./catalog.schema.ts";

export type ItemVersionRow = typeof catalogItemVersions.$inferSelect;
export type NewItemVersionRow = typeof catalogItemVersions.$inferInsert;
export type MaterialRow = typeof catalogMaterialVersions.$inferSelect;
export type NewMaterialRow = typeof catalogMaterialVersions.$inferInsert;
export type BundleVersionRow = typeof catalogBundleVersions.$inferSelect;
export type NewPolicyCaseRow = typeof catalogPolicyCases.$inferInsert;

const CHUNK = 1000;
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(rows.slice(i, i + CHUNK));
  }
  return out;
}

/** SQL predicate: the version of `table` valid at `at` (null = the current one). */
export function validAt(table: { validFrom: AnyColumn; validTo: AnyColumn }, at: Date | null): SQL {
  if (!at) {
    return sql`${table.validTo} is null`;
  }
  return sql`(${table.validFrom} < ${at.toISOString()} and (${table.validTo} is null or ${table.validTo} >= ${at.toISOString()}))`;
}

export async function findItemIdsByCodes(db: Db, tenantId: string, codes: readonly string[]) {
  if (codes.length === 0) {
    return new Map<string, string>();
  }
  const rows = await db
    .select({ id: catalogItems.id, code: catalogItems.code })
    .from(catalogItems)
    .where(and(eq(catalogItems.tenantId, tenantId), inArray(catalogItems.code, [...new Set(codes)])));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function countItems(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogItems)
    .where(eq(catalogItems.tenantId, tenantId));
  return Number(row?.n ?? 0);
}

/** The version of one item valid at `at` (the current one for null), withdrawn ones included. */
export async function findVersion(
  db: Db,
  tenantId: string,
  where: { itemId: string } | { code: string },
  at: Date | null,
): Promise<ItemVersionRow | undefined> {
  const key =
    "itemId" in where ? eq(catalogItemVersions.itemId, where.itemId) : eq(catalogItemVersions.code, where.code);
  const [row] = await db
    .select()
    .from(catalogItemVersions)
    .where(and(eq(catalogItemVersions.tenantId, tenantId), key, validAt(catalogItemVersions, at)))
    .orderBy(desc(catalogItemVersions.version))
    .limit(1);
  return row;
}

/** Current versions of many items by code (one query; for imports and bundles). */
export async function findCurrentVersions(db: Db, tenantId: string, codes: readonly string[] | null) {
  const rows = await db
    .select()
    .from(catalogItemVersions)
    .where(
      and(
        eq(catalogItemVersions.tenantId, tenantId),
        isNull(catalogItemVersions.validTo),
        codes ? inArray(catalogItemVersions.code, [...codes]) : undefined,
      ),
    )
    .orderBy(asc(catalogItemVersions.code));
  return rows;
}

export async function findMaterials(db: Db, versionIds: readonly string[]): Promise<Map<string, MaterialRow[]>> {
  const out = new Map<string, MaterialRow[]>();
  for (const part of chunks(versionIds)) {
    const rows = await db
      .select()
      .from(catalogMaterialVersions)
      .where(inArray(catalogMaterialVersions.itemVersionId, part))
      .orderBy(asc(catalogMaterialVersions.itemVersionId), asc(catalogMaterialVersions.sort));
    for (const r of rows) {
      const list = out.get(r.itemVersionId) ?? [];
      list.push(r);
      out.set(r.itemVersionId, list);
    }
  }
  return out;
}

export async function findVersionHistory(db: Db, tenantId: string, itemId: string): Promise<ItemVersionRow[]> {
  return db
    .select()
    .from(catalogItemVersions)
    .where(and(eq(catalogItemVersions.tenantId, tenantId), eq(catalogItemVersions.itemId, itemId)))
    .orderBy(desc(catalogItemVersions.version));
}

export async function insertItems(db: Db, rows: Array<typeof catalogItems.$inferInsert>): Promise<void> {
  for (const part of chunks(rows)) {
    await db.insert(catalogItems).values(part);
  }
}

/** Ends the given versions at `at`; only versions still open are touched (a lost race writes nothing). */
export async function closeVersions(db: Db, ids: readonly string[], at: Date): Promise<number> {
  let closed = 0;
  for (const part of chunks(ids)) {
    const res = await db
      .update(catalogItemVersions)
      .set({ validTo: at })
      .where(and(inArray(catalogItemVersions.id, part), isNull(catalogItemVersions.validTo)))
      .returning({ id: catalogItemVersions.id });
    closed += res.length;
  }
  return closed;
}

/**
 * Bulk insert as one JSON parameter per chunk (json_populate_recordset): thousands of rows cost
 * one bind instead of tens of thousands, which matters on PGlite. Every column must be given.
 */
async function insertJson(db: Db, table: PgTable, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const columns = Object.entries(getTableColumns(table));
  for (const part of chunks(rows)) {
    const json = part.map((r) =>
      Object.fromEntries(
        columns.map(([key, col]) => [
          col.name,
          r[key] instanceof Date ? (r[key] as Date).toISOString() : (r[key] ?? null),
        ]),
      ),
    );
    await db.execute(
      sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json)`,
    );
  }
}

export async function insertVersions(db: Db, versions: NewItemVersionRow[], materials: NewMaterialRow[]) {
  await insertJson(db, catalogItemVersions, versions);
  await insertJson(db, catalogMaterialVersions, materials);
}

export async function countPolicyCases(db: Db, tenantId: string, itemId: string, until: string | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogPolicyCases)
    .where(
      and(
        eq(catalogPolicyCases.tenantId, tenantId),
        eq(catalogPolicyCases.itemId, itemId),
        until ? sql`${catalogPolicyCases.grantedOn} <= ${until}` : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertPolicyCases(db: Db, rows: NewPolicyCaseRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db.insert(catalogPolicyCases).values(part);
  }
}

export async function findBundleId(db: Db, tenantId: string, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: catalogBundles.id })
    .from(catalogBundles)
    .where(and(eq(catalogBundles.tenantId, tenantId), eq(catalogBundles.code, code)));
  return row?.id;
}

export async function insertBundles(db: Db, rows: Array<typeof catalogBundles.$inferInsert>): Promise<void> {
  for (const part of chunks(rows)) {
    await db.insert(catalogBundles).values(part);
  }
}

export async function insertBundleVersions(db: Db, rows: Array<typeof catalogBundleVersions.$inferInsert>) {
  for (const part of chunks(rows)) {
    await db.insert(catalogBundleVersions).values(part);
  }
}

export async function closeBundleVersion(db: Db, bundleId: string, at: Date): Promise<void> {
  await db
    .update(catalogBundleVersions)
    .set({ validTo: at })
    .where(and(eq(catalogBundleVersions.bundleId, bundleId), isNull(catalogBundleVersions.validTo)));
}

/** Bundles valid at `at` (current for null), optionally one by code or those containing an item. */
export async function findBundles(
  db: Db,
  tenantId: string,
  at: Date | null,
  filter: { code?: string; itemCode?: string } = {},
): Promise<BundleVersionRow[]> {
  return db
    .select()
    .from(catalogBundleVersions)
    .where(
      and(
        eq(catalogBundleVersions.tenantId, tenantId),
        validAt(catalogBundleVersions, at),
        filter.code ? eq(catalogBundleVersions.code, filter.code) : undefined,
        filter.itemCode ? sql`${filter.itemCode} = any(${catalogBundleVersions.itemCodes})` : undefined,
      ),
    )
    .orderBy(asc(catalogBundleVersions.code));
}
