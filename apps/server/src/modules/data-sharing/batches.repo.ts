import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { type CheckedRow, facetOf } from "./batch-rows.ts";
import { dataBatches } from "./data-sharing.schema.ts";

export type BatchRow = typeof dataBatches.$inferSelect;

/** Inserts the batch unless its id was used before for the resource; true when this call inserted it. */
export async function claimBatch(db: Db, row: typeof dataBatches.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(dataBatches)
    .values(row)
    .onConflictDoNothing({ target: [dataBatches.resourceId, dataBatches.batchId] })
    .returning({ id: dataBatches.id });
  return inserted.length > 0;
}

export async function findBatch(db: Db, resourceId: string, batchId: string) {
  const [row] = await db
    .select()
    .from(dataBatches)
    .where(and(eq(dataBatches.resourceId, resourceId), eq(dataBatches.batchId, batchId)));
  return row;
}

/**
 * Writes a batch's rows a slice at a time, a later batch replacing the row of the same key (keys are
 * unique within a batch). Each slice is one statement with one JSON parameter (no bind-parameter
 * limit), sent before `write` returns, so the caller checks the next slice while the database stores
 * this one; `flush` waits for the last. A failed statement fails the next `write` or the `flush`.
 */
export function rowWriter(db: Db, tenantId: string, resourceId: string, batchId: string, queryField: string | null) {
  let pending: Promise<void> = Promise.resolve();
  return {
    async write(rows: readonly CheckedRow[]): Promise<void> {
      const chunk = JSON.stringify(rows.map((r) => [r.key, r.data, facetOf(queryField, r.data)]));
      await pending;
      const sent = Promise.resolve(
        db.execute(
          sql`insert into data_rows (tenant_id, resource_id, key, data, batch_id, facet)
              select ${tenantId}::uuid, ${resourceId}::uuid, e->>0, e->1, ${batchId}::uuid, e->>2
              from jsonb_array_elements(${chunk}::jsonb) e
              on conflict (resource_id, key) do update
                set data = excluded.data, batch_id = excluded.batch_id, facet = excluded.facet`,
        ),
      ).then(() => undefined);
      // Awaited by the next write or the flush; until then a failure must not count as unhandled.
      sent.catch(() => undefined);
      pending = sent;
      // Let the driver put the statement on the wire before the caller's next (synchronous) slice.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    flush: () => pending,
  };
}

/** Recomputes every stored row's 查询条件 text after the resource names another 信息项 (or none). */
export async function refacetRows(db: Db, resourceId: string, field: string | null): Promise<void> {
  await db.execute(
    field
      ? sql`update data_rows set facet = data->>${field} where resource_id = ${resourceId}`
      : sql`update data_rows set facet = null where resource_id = ${resourceId} and facet is not null`,
  );
}

/** The batch's counts once its rows are checked and stored (it was claimed with the received count). */
export async function setBatchCounts(
  db: Db,
  id: string,
  counts: Pick<typeof dataBatches.$inferInsert, "accepted" | "quarantined" | "quarantine" | "duplicateKeys">,
): Promise<void> {
  await db.update(dataBatches).set(counts).where(eq(dataBatches.id, id));
}

export async function listBatches(db: Db, resourceId: string, page: { offset: number; limit: number }) {
  const where = eq(dataBatches.resourceId, resourceId);
  const [total] = await db.select({ n: count() }).from(dataBatches).where(where);
  const items = await db
    .select()
    .from(dataBatches)
    .where(where)
    .orderBy(desc(dataBatches.receivedAt), desc(dataBatches.id))
    .limit(page.limit)
    .offset(page.offset);
  return { total: total?.n ?? 0, items };
}

/** Batch totals of a resource: count, accepted and quarantined rows, duplicate keys, last arrival. */
export async function batchTotals(db: Db, resourceId: string) {
  const [r] = await queryRows<{
    batches: number;
    accepted: number;
    quarantined: number;
    duplicates: number;
    last: Date | string | null;
  }>(
    db,
    sql`select count(*)::int as batches, coalesce(sum(accepted), 0)::bigint as accepted,
          coalesce(sum(quarantined), 0)::bigint as quarantined,
          coalesce(sum(duplicate_keys), 0)::bigint as duplicates,
          max(received_at) as last
        from data_batches where resource_id = ${resourceId}`,
  );
  return {
    batches: Number(r?.batches ?? 0),
    accepted: Number(r?.accepted ?? 0),
    quarantined: Number(r?.quarantined ?? 0),
    duplicates: Number(r?.duplicates ?? 0),
    last: r?.last ? new Date(r.last) : null,
  };
}

/** Stored rows of a resource and, per field, how many have a value. */
export async function fieldFill(db: Db, resourceId: string, fields: readonly string[]) {
  const counts = fields.map(
    (f, i) => sql`count(*) filter (where coalesce(data->>${f}, '') <> '')::int as ${sql.raw(`f${i}`)}`,
  );
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as total${fields.length ? sql`, ${sql.join(counts, sql`, `)}` : sql``}
        from data_rows where resource_id = ${resourceId}`,
  );
  return { total: Number(r?.total ?? 0), filled: fields.map((_, i) => Number(r?.[`f${i}`] ?? 0)) };
}
