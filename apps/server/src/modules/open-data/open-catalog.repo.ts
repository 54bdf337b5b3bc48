import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import {
  FIELD_TYPE_LABELS,
  type FieldType,
  OPEN_TYPE_LABELS,
  RESOURCE_CLASS_LABELS,
  type ResourceClass,
  UPDATE_CYCLE_LABELS,
  type UpdateCycle,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import type { Db } from "../../platform/db/client.ts";
import { dataResources, dataRows } from "../data-sharing/data-sharing.schema.ts";
import { orgUnits } from "../org/org.schema.ts";
import type { OpenDataset } from "./open-dataset.ts";

/**
 * The tenant's open resources (无条件开放 and 有条件开放; 不予开放 never leaves), each with its
 * provider and its fields minus every personal-data field: the open catalog publishes no personal
 * field's name, let alone its values.
 */
export async function loadOpenDatasets(db: Db, tenantId: string): Promise<OpenDataset[]> {
  const rows = await db
    .select({ r: dataResources, providerName: orgUnits.name })
    .from(dataResources)
    .innerJoin(orgUnits, eq(orgUnits.id, dataResources.providerUnitId))
    .where(and(eq(dataResources.tenantId, tenantId), ne(dataResources.openType, "none")))
    .orderBy(asc(dataResources.code));
  const ids = rows.map((x) => x.r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ id: dataRows.resourceId, n: count() })
          .from(dataRows)
          .where(inArray(dataRows.resourceId, ids))
          .groupBy(dataRows.resourceId);
  const stored = new Map(counts.map((c) => [c.id, c.n]));
  return rows.map(({ r, providerName }) => {
    const openType = r.openType === "conditional" ? "conditional" : "unconditional";
    const classification = r.classification as ResourceClass;
    return {
      id: r.id,
      code: r.code,
      title: r.name,
      summary: r.summary,
      classification,
      classificationLabel: RESOURCE_CLASS_LABELS[classification] ?? r.classification,
      subclass: r.subclass,
      format: r.format,
      openType,
      openTypeLabel: OPEN_TYPE_LABELS[openType],
      updateCycle: r.updateCycle,
      updateCycleLabel: UPDATE_CYCLE_LABELS[r.updateCycle as UpdateCycle] ?? r.updateCycle,
      publishedOn: r.publishedOn,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      provider: { id: r.providerUnitId, name: providerName },
      fields: r.fields
        .filter((f) => !f.personal)
        .map((f) => ({
          name: f.name,
          type: f.type,
          typeLabel: FIELD_TYPE_LABELS[f.type as FieldType] ?? f.type,
          length: f.length,
        })),
      rows: stored.get(r.id) ?? 0,
    };
  });
}

/** The stored rows of one 无条件开放 resource, only its open fields, in key order (downloads). */
export async function loadOpenRows(db: Db, resourceId: string, fields: readonly string[], limit: number) {
  const rows = await db
    .select({ data: dataRows.data })
    .from(dataRows)
    .where(eq(dataRows.resourceId, resourceId))
    .orderBy(asc(dataRows.key))
    .limit(limit);
  return rows.map((r) => Object.fromEntries(fields.map((f) => [f, r.data[f] ?? null])));
}
