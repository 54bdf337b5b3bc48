import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";

/*
 * The matching key is the resource's name, exactly (both sides trimmed): a 免提交 material's
 * "共享数据来源" must read as the resource catalog names the resource. No second field (alias) to
 * keep in step: catalog editors copy the name the data centre shows, and a source that names no
 * resource is flagged instead of guessed at (a part after "·" alone would match 社会保障卡 twice).
 */

/** Current, not withdrawn item versions' materials that name a source. */
const CURRENT_EXEMPT = sql`catalog_material_versions m
  join catalog_item_versions v on v.id = m.item_version_id and v.valid_to is null and not v.withdrawn`;

export async function exemptItemsOf(db: Db, tenantId: string, source: string, page: { offset: number; limit: number }) {
  const where = sql`m.tenant_id = ${tenantId} and btrim(m.exempt_data_source) = btrim(${source})`;
  const [totals] = await queryRows<{ items: number; materials: number }>(
    db,
    sql`select count(distinct v.item_id)::int as items, count(*)::int as materials from ${CURRENT_EXEMPT} where ${where}`,
  );
  const items = await queryRows<{
    itemCode: string;
    itemName: string;
    departmentId: string;
    materials: number;
    materialNames: string[];
  }>(
    db,
    sql`select v.code as "itemCode", v.name as "itemName", v.department_id as "departmentId",
               count(*)::int as materials, array_agg(m.name order by m.sort) as "materialNames"
        from ${CURRENT_EXEMPT} where ${where}
        group by v.code, v.name, v.department_id
        order by v.code limit ${page.limit} offset ${page.offset}`,
  );
  return { total: Number(totals?.items ?? 0), materials: Number(totals?.materials ?? 0), items };
}

/** Every distinct source with its counts and the resource of that name, if any. */
export async function exemptSources(db: Db, tenantId: string) {
  return queryRows<{
    source: string;
    items: number;
    materials: number;
    resourceCode: string | null;
    resourceName: string | null;
  }>(
    db,
    sql`select s.source, s.items, s.materials, r.code as "resourceCode", r.name as "resourceName"
        from (select btrim(m.exempt_data_source) as source, count(distinct v.item_id)::int as items,
                     count(*)::int as materials
              from ${CURRENT_EXEMPT}
              where m.tenant_id = ${tenantId} and m.exempt_data_source is not null and btrim(m.exempt_data_source) <> ''
              group by 1) s
        left join lateral (select code, name from data_resources d
                           where d.tenant_id = ${tenantId} and btrim(d.name) = s.source order by code limit 1) r on true
        order by (r.code is null) desc, s.materials desc, s.source`,
  );
}
