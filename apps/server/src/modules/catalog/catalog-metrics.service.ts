import {
  type CatalogMetrics,
  type CatalogMetricsQuery,
  EXERCISE_LEVEL_LABELS,
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  ONLINE_DEPTH_LABELS,
} from "../../../../../packages/contracts/src/catalog.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { catalogReadPaths } from "./catalog.policy.ts";
import { countBundles, countCatalog, countPolicyCasesInYear, type MetricGroup } from "./catalog-metrics.repo.ts";
import { businessDate } from "./catalog-time.ts";

/** A share as a fraction rounded to 4 decimals (30.60% → 0.306); null when nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}

const LABELS: Record<Exclude<MetricGroup, "none" | "department">, Record<string, string>> = {
  type: ITEM_TYPE_LABELS,
  level: ITEM_LEVEL_LABELS,
  exerciseLevel: EXERCISE_LEVEL_LABELS,
  onlineDepth: ONLINE_DEPTH_LABELS,
};

/** The catalog's totals as of a date within `paths` (the whole district for ["/"]). */
export async function catalogTotals(db: Db, tenantId: string, paths: readonly string[], asOf: string) {
  const [all] = await countCatalog(db, tenantId, paths, asOf, "none");
  const counts = all?.counts ?? {
    items: 0,
    onApplicationItems: 0,
    materialsReducedItems: 0,
    materials: 0,
    exemptMaterials: 0,
    deferrableItems: 0,
    crossRegionEntries: 0,
    policyBenefitItems: 0,
    bookableTown: 0,
    bookableVillage: 0,
  };
  return {
    ...counts,
    materialsReducedRate: rate(counts.materialsReducedItems, counts.onApplicationItems),
    exemptRate: rate(counts.exemptMaterials, counts.materials),
    deferrableDepartments: all?.deferrableDepartments ?? 0,
    bundles: await countBundles(db, tenantId, asOf),
    policyBenefitCases: await countPolicyCasesInYear(db, tenantId, paths, asOf),
  };
}

/**
 * 可预约事项 by hall level: the catalog's bookable flags (镇街 bookable_town, 村居 bookable_village),
 * counted over the whole district's catalog as of a date. The one definition 事项统计, the report
 * and 大厅统计 share (the same count as `catalogTotals`).
 */
export async function bookableItemCounts(
  db: Db,
  tenantId: string,
  asOf: string,
): Promise<{ town: number; village: number }> {
  const [all] = await countCatalog(db, tenantId, ["/"], asOf, "none");
  return { town: all?.counts.bookableTown ?? 0, village: all?.counts.bookableVillage ?? 0 };
}

/** 减材料落实率, 免提交比例 and the catalog's counts, grouped, within the actor's scope. */
export async function getCatalogMetrics(ctx: Ctx, q: CatalogMetricsQuery): Promise<CatalogMetrics> {
  const asOf = q.asOf ?? businessDate(ctx.clock.now());
  const paths = catalogReadPaths(ctx.actor);
  const total = await catalogTotals(ctx.db, ctx.actor.tenantId, paths, asOf);
  const groups = await countCatalog(ctx.db, ctx.actor.tenantId, paths, asOf, q.groupBy);
  const names =
    q.groupBy === "department"
      ? await findUnitNames(
          ctx.db,
          ctx.actor.tenantId,
          groups.map((g) => g.key),
        )
      : new Map<string, string>();
  return {
    asOf,
    total,
    groups: groups.map((g) => ({
      key: g.key,
      label: q.groupBy === "department" ? (names.get(g.key) ?? g.key) : (LABELS[q.groupBy][g.key] ?? g.key),
      ...g.counts,
    })),
  };
}
