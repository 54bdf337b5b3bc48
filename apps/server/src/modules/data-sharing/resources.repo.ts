import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { dataBatches, dataGrants, dataResources, dataResourceVersions, dataSystems } from "./data-sharing.schema.ts";

export type ResourceRow = typeof dataResources.$inferSelect;
export type SystemRow = typeof dataSystems.$inferSelect;

/**
 * The resources a unit may see: those its grants' subtrees provide, plus those shared to a unit of
 * those subtrees by a grant in force (分级分权限使用).
 */
export function visibleResources(paths: readonly string[]): SQL {
  const shared = sql`exists (select 1 from ${dataGrants} g where g.resource_id = ${dataResources.id}
    and g.status = 'active' and ${pathInScope(sql`g.consumer_path`, paths)})`;
  return sql`(${pathInScope(dataResources.scopePath, paths)} or ${shared})`;
}

const aggregated = sql<number>`coalesce((select sum(${dataBatches.accepted}) from ${dataBatches}
  where ${dataBatches.resourceId} = ${dataResources.id}), 0)::bigint`.mapWith(Number);

export async function findResourceByCode(db: Db, tenantId: string, code: string, forUpdate = false) {
  const q = db
    .select()
    .from(dataResources)
    .where(and(eq(dataResources.tenantId, tenantId), eq(dataResources.code, code)));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

/** The resource if it is one the scope may see (own subtree or shared to it). */
export async function findVisibleResource(db: Db, tenantId: string, code: string, paths: readonly string[]) {
  const [row] = await db
    .select()
    .from(dataResources)
    .where(and(eq(dataResources.tenantId, tenantId), eq(dataResources.code, code), visibleResources(paths)));
  return row;
}

export async function aggregatedRowsOf(db: Db, resourceId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(sum(${dataBatches.accepted}), 0)::bigint`.mapWith(Number) })
    .from(dataBatches)
    .where(eq(dataBatches.resourceId, resourceId));
  return r?.n ?? 0;
}

export async function insertResource(db: Db, row: typeof dataResources.$inferInsert): Promise<void> {
  await db.insert(dataResources).values(row);
}

export async function updateResource(db: Db, id: string, set: Partial<ResourceRow>): Promise<void> {
  await db.update(dataResources).set(set).where(eq(dataResources.id, id));
}

export async function insertResourceVersion(db: Db, row: typeof dataResourceVersions.$inferInsert): Promise<void> {
  await db.insert(dataResourceVersions).values(row);
}

export async function findResourceVersions(db: Db, resourceId: string) {
  return db
    .select()
    .from(dataResourceVersions)
    .where(eq(dataResourceVersions.resourceId, resourceId))
    .orderBy(desc(dataResourceVersions.version));
}

export type ResourceFilter = {
  q?: string | undefined;
  classification?: string | undefined;
  subclass?: string | undefined;
  providerUnitId?: string | undefined;
};

export async function listResources(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  f: ResourceFilter,
  page: { offset: number; limit: number },
) {
  const where = and(
    eq(dataResources.tenantId, tenantId),
    visibleResources(paths),
    f.q ? or(ilike(dataResources.name, `%${f.q}%`), ilike(dataResources.code, `%${f.q}%`)) : undefined,
    f.classification ? eq(dataResources.classification, f.classification) : undefined,
    f.subclass ? eq(dataResources.subclass, f.subclass) : undefined,
    f.providerUnitId ? eq(dataResources.providerUnitId, f.providerUnitId) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(dataResources).where(where);
  const items = await db
    .select({ resource: dataResources, aggregatedRows: aggregated })
    .from(dataResources)
    .where(where)
    .orderBy(asc(dataResources.code))
    .limit(page.limit)
    .offset(page.offset);
  return { total: total?.n ?? 0, items };
}

/** Counts per classification and subclass, and per provider, of the resources the scope sees. */
export async function resourceCounts(db: Db, tenantId: string, paths: readonly string[]) {
  const where = and(eq(dataResources.tenantId, tenantId), visibleResources(paths));
  const byClass = await db
    .select({ classification: dataResources.classification, subclass: dataResources.subclass, n: count() })
    .from(dataResources)
    .where(where)
    .groupBy(dataResources.classification, dataResources.subclass)
    .orderBy(dataResources.classification, dataResources.subclass);
  const byProvider = await db
    .select({ unitId: dataResources.providerUnitId, n: count() })
    .from(dataResources)
    .where(where)
    .groupBy(dataResources.providerUnitId);
  return { byClass, byProvider };
}

/** Which of `codes` exist in the tenant. */
export async function existingCodes(db: Db, tenantId: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from data_resources where tenant_id = ${tenantId} and code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.code));
}

export async function insertSystem(db: Db, row: typeof dataSystems.$inferInsert): Promise<void> {
  await db.insert(dataSystems).values(row);
}

export async function updateSystem(db: Db, id: string, set: Partial<SystemRow>): Promise<void> {
  await db.update(dataSystems).set(set).where(eq(dataSystems.id, id));
}

export async function findSystem(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(dataSystems)
    .where(and(eq(dataSystems.tenantId, tenantId), eq(dataSystems.id, id)));
  return row;
}

export async function listSystems(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  page: { offset: number; limit: number },
  onGovCloud?: boolean,
) {
  const where = and(
    eq(dataSystems.tenantId, tenantId),
    pathInScope(dataSystems.scopePath, paths),
    onGovCloud === undefined ? undefined : eq(dataSystems.onGovCloud, onGovCloud),
  );
  const [total] = await db
    .select({ n: count(), cloud: sql<number>`count(*) filter (where ${dataSystems.onGovCloud})`.mapWith(Number) })
    .from(dataSystems)
    .where(where);
  const items = await db
    .select()
    .from(dataSystems)
    .where(where)
    .orderBy(asc(dataSystems.name))
    .limit(page.limit)
    .offset(page.offset);
  return { total: total?.n ?? 0, onGovCloud: total?.cloud ?? 0, items };
}
