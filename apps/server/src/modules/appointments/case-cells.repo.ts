import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";

/**
 * Rebuilds a tenant's `hall_case_cells` (大厅统计's source, migrations 0022 and 0023) from its service cases,
 * a hall-month per transaction (each an index range on service_cases_hall_idx, so call it after a
 * bulk load has rebuilt its indexes) so that the embedded server keeps answering between them. For
 * bulk loads, which defer the cells (`zhengwu.cells_deferred`) rather than upsert them per chunk.
 */
export async function rebuildCaseCells(db: Db, tenantId: string, pause: () => Promise<unknown>): Promise<void> {
  const parts = await queryRows<{ hall_id: string; m: string }>(
    db,
    sql`select h.id as hall_id, to_char(m, 'YYYY-MM-DD') as m
        from halls h
        cross join lateral (select min(finished_at) as lo, max(finished_at) as hi from service_cases s
                            where s.tenant_id = ${tenantId} and s.hall_id = h.id) r
        cross join lateral generate_series(date_trunc('month', r.lo at time zone 'Asia/Shanghai'),
                                           r.hi at time zone 'Asia/Shanghai', interval '1 month') m
        where h.tenant_id = ${tenantId} and r.lo is not null`,
  );
  await db.execute(sql`delete from hall_case_cells where tenant_id = ${tenantId}`);
  for (const { hall_id: hallId, m } of parts) {
    await pause();
    await db.execute(sql`insert into hall_case_cells
        (tenant_id, hall_id, scope_path, hall_level, day, item_code, window_name, staff_name, waits, services, hours)
      select tenant_id, hall_id, scope_path, hall_level, (finished_at at time zone 'Asia/Shanghai')::date,
             item_code, window_name, staff_name, array_agg(wait_seconds), array_agg(service_seconds),
             array_agg(extract(hour from checked_in_at at time zone 'Asia/Shanghai')::smallint)
      from service_cases
      where tenant_id = ${tenantId} and hall_id = ${hallId}
        and finished_at >= (${m}::date)::timestamp at time zone 'Asia/Shanghai'
        and finished_at < (${m}::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai'
      group by 1, 2, 3, 4, 5, 6, 7, 8`);
  }
}
