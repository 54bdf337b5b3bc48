import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import type { StoredValue } from "./batch-rows.ts";
import { dataRows } from "./data-sharing.schema.ts";

type Row = { data: Record<string, StoredValue> };
export type RowFilter = {
  /** The 查询条件's value as text (see facetOf), when the call filters on it. */
  facet?: string;
  /** Values the rows' other 信息项 must hold. */
  containment: Record<string, StoredValue>;
};

/**
 * A page of a resource's rows in key order. Filtered on the 查询条件 alone, the page's keys come from
 * the facet index alone (no heap visit for the rows skipped by the offset) and only the page's rows
 * are then read — page 10 reads 100 rows, not 1,000. Otherwise each row of the resource is checked.
 */
export async function pageOfRows(
  db: Db,
  resourceId: string,
  filter: RowFilter,
  page: { limit: number; offset: number },
): Promise<Row[]> {
  const others = Object.keys(filter.containment).length > 0;
  if (filter.facet !== undefined && !others) {
    return queryRows<Row>(
      db,
      sql`select d.data from (
            select key from data_rows where resource_id = ${resourceId} and facet = ${filter.facet}
            order by key limit ${page.limit} offset ${page.offset}) k
          join data_rows d on d.resource_id = ${resourceId} and d.key = k.key
          order by k.key`,
    );
  }
  return db
    .select({ data: dataRows.data })
    .from(dataRows)
    .where(
      and(
        eq(dataRows.resourceId, resourceId),
        filter.facet === undefined ? undefined : eq(dataRows.facet, filter.facet),
        others ? sql`${dataRows.data} @> ${JSON.stringify(filter.containment)}::jsonb` : undefined,
      ),
    )
    .orderBy(asc(dataRows.key))
    .limit(page.limit)
    .offset(page.offset);
}
