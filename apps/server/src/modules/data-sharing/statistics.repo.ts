import { type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";

/** Batches received in [from, to) of resources provided inside the scope; optionally one provider unit or resource. */
export type BatchWindow = {
  tenantId: string;
  paths: readonly string[];
  from?: Date | undefined;
  to?: Date | undefined;
  providerUnitId?: string | undefined;
  resourceCode?: string | undefined;
};

function batchWhere(w: BatchWindow): SQL {
  const parts: SQL[] = [sql`b.tenant_id = ${w.tenantId}`, pathInScope(sql`r.scope_path`, w.paths)];
  if (w.from) {
    parts.push(sql`b.received_at >= ${w.from.toISOString()}`);
  }
  if (w.to) {
    parts.push(sql`b.received_at < ${w.to.toISOString()}`);
  }
  if (w.providerUnitId) {
    parts.push(sql`r.provider_unit_id = ${w.providerUnitId}`);
  }
  if (w.resourceCode) {
    parts.push(sql`r.code = ${w.resourceCode}`);
  }
  return sql.join(parts, sql` and `);
}

const AGG_GROUPS = {
  provider: sql`r.provider_unit_id::text`,
  month: sql`to_char(b.received_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
} as const;

/** 汇聚数据量: accepted rows (stored or registered-only batches) and batch counts, per provider or month. */
export async function aggregatedCounters(db: Db, w: BatchWindow, by: keyof typeof AGG_GROUPS) {
  const rows = await queryRows<{ key: string; rows: number; count: number }>(
    db,
    sql`select ${AGG_GROUPS[by]} as key, coalesce(sum(b.accepted), 0)::bigint::float8 as rows, count(*)::int as count
        from data_batches b join data_resources r on r.id = b.resource_id
        where ${batchWhere(w)} group by 1 order by 1`,
  );
  return rows.map((r) => ({ key: r.key, rows: Number(r.rows), count: Number(r.count) }));
}

export type FoundBatch = {
  id: string;
  batch_id: string;
  mode: string;
  received: number;
  accepted: number;
  quarantined: number;
  checksum: string;
  received_at: Date | string;
  created_by: string;
  resource_code: string;
  resource_name: string;
  provider_unit_id: string;
};

/** A page of batches across resources, newest first, with the accepted rows of all that match. */
export async function searchBatches(db: Db, w: BatchWindow, page: { offset: number; limit: number }) {
  const where = batchWhere(w);
  const [totals] = await queryRows<{ n: number; rows: number }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(b.accepted), 0)::bigint::float8 as rows
        from data_batches b join data_resources r on r.id = b.resource_id where ${where}`,
  );
  const items = await queryRows<FoundBatch>(
    db,
    sql`select b.id, b.batch_id, b.mode, b.received, b.accepted, b.quarantined, b.checksum, b.received_at,
          b.created_by, r.code as resource_code, r.name as resource_name, r.provider_unit_id
        from data_batches b join data_resources r on r.id = b.resource_id
        where ${where} order by b.received_at desc, b.id desc limit ${page.limit} offset ${page.offset}`,
  );
  return { total: Number(totals?.n ?? 0), rows: Number(totals?.rows ?? 0), items };
}
