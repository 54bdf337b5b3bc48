import { type SQL, sql } from "drizzle-orm";
import type { MetricCounts } from "../../../../../packages/contracts/src/catalog.ts";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { asOfBoundary } from "./catalog-time.ts";

export type MetricGroup = "none" | "department" | "type" | "level" | "exerciseLevel" | "onlineDepth";

const GROUP_KEY: Record<MetricGroup, SQL> = {
  none: sql`'all'`,
  department: sql`v.department_id::text`,
  type: sql`v.item_type`,
  level: sql`v.level`,
  exerciseLevel: sql`v.exercise_level`,
  onlineDepth: sql`v.online_depth`,
};

/** The item versions in force at the end of `asOf`, within the scope paths (a CTE body). */
function versionsAsOf(tenantId: string, paths: readonly string[], asOf: string): SQL {
  const at = asOfBoundary(asOf).toISOString();
  return sql`select * from catalog_item_versions v
    where v.tenant_id = ${tenantId} and v.valid_from < ${at} and (v.valid_to is null or v.valid_to >= ${at})
      and not v.withdrawn and ${pathInScope(sql`v.scope_path`, paths)}`;
}

type CountRow = { key: string } & MetricCounts & { deferrable_departments: number };

/** Item, material and flag counts of the catalog as of a date, per group (one row for "none"). */
export async function countCatalog(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  asOf: string,
  groupBy: MetricGroup,
): Promise<Array<{ key: string; counts: MetricCounts; deferrableDepartments: number }>> {
  const rows = await queryRows<CountRow>(
    db,
    // Materials are counted per item through their index (a lateral lookup): a plan that does not
    // depend on statistics, which a freshly loaded or imported catalog does not have yet.
    sql`with v as (${versionsAsOf(tenantId, paths, asOf)})
      select ${GROUP_KEY[groupBy]} as key,
        count(*)::int as "items",
        (count(*) filter (where v.on_application))::int as "onApplicationItems",
        (count(*) filter (where v.on_application and v.materials_reduced))::int as "materialsReducedItems",
        coalesce(sum(mat.n), 0)::int as "materials",
        coalesce(sum(mat.ex), 0)::int as "exemptMaterials",
        (count(*) filter (where v.is_deferrable))::int as "deferrableItems",
        coalesce(sum(cardinality(v.cross_region_scopes)), 0)::int as "crossRegionEntries",
        (count(*) filter (where v.policy_benefit))::int as "policyBenefitItems",
        (count(*) filter (where v.bookable_town))::int as "bookableTown",
        (count(*) filter (where v.bookable_village))::int as "bookableVillage",
        (count(distinct v.department_id) filter (where v.is_deferrable))::int as deferrable_departments
      from v left join lateral (
        select count(*) as n, count(*) filter (where mv.source = 'shared_data') as ex
        from catalog_material_versions mv
        where mv.item_version_id = v.id and mv.tenant_id = ${tenantId}
      ) mat on true
      group by 1 order by 2 desc, 1`,
  );
  return rows.map((r) => ({
    key: String(r.key),
    counts: {
      items: Number(r.items),
      onApplicationItems: Number(r.onApplicationItems),
      materialsReducedItems: Number(r.materialsReducedItems),
      materials: Number(r.materials),
      exemptMaterials: Number(r.exemptMaterials),
      deferrableItems: Number(r.deferrableItems),
      crossRegionEntries: Number(r.crossRegionEntries),
      policyBenefitItems: Number(r.policyBenefitItems),
      bookableTown: Number(r.bookableTown),
      bookableVillage: Number(r.bookableVillage),
    },
    deferrableDepartments: Number(r.deferrable_departments),
  }));
}

/** Bundles in force at the end of `asOf`. */
export async function countBundles(db: Db, tenantId: string, asOf: string): Promise<number> {
  const at = asOfBoundary(asOf).toISOString();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from catalog_bundle_versions
      where tenant_id = ${tenantId} and valid_from < ${at} and (valid_to is null or valid_to >= ${at})`,
  );
  return Number(row?.n ?? 0);
}

/** 政策兑现 cases granted from 1 January of `asOf`'s year up to `asOf`, of items in scope then. */
export async function countPolicyCasesInYear(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  asOf: string,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with v as (${versionsAsOf(tenantId, paths, asOf)})
      select count(*)::int as n from catalog_policy_cases c join v on v.item_id = c.item_id
      where c.tenant_id = ${tenantId} and c.granted_on >= ${`${asOf.slice(0, 4)}-01-01`} and c.granted_on <= ${asOf}`,
  );
  return Number(row?.n ?? 0);
}
