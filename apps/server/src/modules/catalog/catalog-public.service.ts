import { and, asc, eq, sql } from "drizzle-orm";
import type { PublicItemGuide } from "../../../../../packages/contracts/src/catalog-public.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { toMaterialDto, versionToInput } from "./catalog.mapper.ts";
import { findBundles, findCurrentVersions, findMaterials, findVersion, type ItemVersionRow } from "./catalog.repo.ts";
import { catalogItemVersions as v } from "./catalog.schema.ts";
import { rankItems } from "./catalog-search.ts";
import { searchIndexOf } from "./catalog-search-index.ts";
import { segmentQuery } from "./catalog-segmenter.ts";

async function tenantIdOf(db: Db, code: string): Promise<string> {
  const tenant = await findTenantByCode(db, code);
  if (!tenant) {
    throw notFound("tenant");
  }
  return tenant.id;
}

function summary(row: ItemVersionRow, names: ReadonlyMap<string, string>) {
  const i = versionToInput(row, []);
  return {
    code: i.code,
    name: i.name,
    type: i.type,
    departmentName: names.get(row.departmentId) ?? "",
    promisedLimitDays: i.promisedLimitDays,
    visitsRequired: i.visitsRequired,
    onlineDepth: i.onlineDepth,
    deferrable: i.deferrable,
  };
}

/**
 * Citizens' search over the items in force: the query is segmented (jieba with the catalog's terms),
 * widened by synonyms (社保 → 社会保险) and ranked name over keyword over material, the exact phrase
 * first. Without a query, the items in code order.
 */
export async function searchPublicItems(db: Db, tenantCode: string, q: string, limit: number) {
  const tenantId = await tenantIdOf(db, tenantCode);
  if (!q.trim()) {
    const where = and(eq(v.tenantId, tenantId), sql`${v.validTo} is null and not ${v.withdrawn}`);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(v).where(where);
    const rows = await db.select().from(v).where(where).orderBy(asc(v.code)).limit(limit);
    const names = await findUnitNames(
      db,
      tenantId,
      rows.map((r) => r.departmentId),
    );
    return { total: Number(count?.n ?? 0), items: rows.map((r) => summary(r, names)) };
  }
  const hits = rankItems(await searchIndexOf(db, tenantId), q, segmentQuery);
  const codes = hits.slice(0, limit).map((h) => h.doc.code);
  const rows = codes.length > 0 ? await findCurrentVersions(db, tenantId, codes) : [];
  const byCode = new Map(rows.filter((r) => !r.withdrawn).map((r) => [r.code, r]));
  const names = await findUnitNames(
    db,
    tenantId,
    rows.map((r) => r.departmentId),
  );
  const items = codes.flatMap((c) => {
    const row = byCode.get(c);
    return row ? [summary(row, names)] : [];
  });
  return { total: hits.length, items };
}

/** An item's guide: conditions, limits, fees and each material, with why it is exempt or deferrable. */
export async function publicItemGuide(db: Db, tenantCode: string, code: string): Promise<PublicItemGuide> {
  const tenantId = await tenantIdOf(db, tenantCode);
  const row = await findVersion(db, tenantId, { code }, null);
  if (!row || row.withdrawn) {
    throw new AppError("not_found", "事项不存在或已停止办理");
  }
  const materials = (await findMaterials(db, [row.id])).get(row.id) ?? [];
  const names = await findUnitNames(db, tenantId, [row.departmentId]);
  const i = versionToInput(row, materials);
  const bundles = await findBundles(db, tenantId, null, { itemCode: code });
  return {
    ...summary(row, names),
    level: i.level,
    implementingBody: i.implementingBody,
    legalBasis: i.legalBasis,
    exerciseLevel: i.exerciseLevel,
    statutoryLimitDays: i.statutoryLimitDays,
    place: i.place,
    fees: i.fees,
    result: i.result,
    crossRegionScopes: i.crossRegionScopes,
    bookableTown: i.bookableTown,
    bookableVillage: i.bookableVillage,
    materials: materials.map((m) => {
      const { id: _id, ...rest } = toMaterialDto(m);
      return rest;
    }),
    bundles: bundles.map((b) => ({ code: b.code, name: b.name })),
  };
}

export async function listPublicBundles(db: Db, tenantCode: string) {
  const tenantId = await tenantIdOf(db, tenantCode);
  const rows = await findBundles(db, tenantId, null);
  return { items: rows.map((b) => ({ code: b.code, name: b.name, itemCount: b.itemCodes.length })) };
}

export async function publicBundle(db: Db, tenantCode: string, code: string) {
  const tenantId = await tenantIdOf(db, tenantCode);
  const [bundle] = await findBundles(db, tenantId, null, { code });
  if (!bundle) {
    throw notFound("catalog_bundle");
  }
  const rows = (await findCurrentVersions(db, tenantId, bundle.itemCodes)).filter((r) => !r.withdrawn);
  const names = await findUnitNames(
    db,
    tenantId,
    rows.map((r) => r.departmentId),
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    code: bundle.code,
    name: bundle.name,
    description: bundle.description,
    items: bundle.itemCodes.flatMap((c) => {
      const r = byCode.get(c);
      return r ? [summary(r, names)] : [];
    }),
  };
}
