import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { buildSearchIndex, type SearchIndex } from "./catalog-search.ts";

type Cached = { generation: string; index: SearchIndex };

/** One index per tenant, rebuilt when the catalog's versions change (any edit adds a version). */
const cache = new Map<string, Cached>();

async function generationOf(db: Db, tenantId: string): Promise<string> {
  const [row] = await queryRows<{ n: number; last: string | null }>(
    db,
    sql`select count(*)::int as n, max(valid_from)::text as last
          from catalog_item_versions where tenant_id = ${tenantId}`,
  );
  return `${row?.n ?? 0}:${row?.last ?? ""}`;
}

/** The tenant's items in force, ready to rank; read from the database only after a change. */
export async function searchIndexOf(db: Db, tenantId: string): Promise<SearchIndex> {
  const generation = await generationOf(db, tenantId);
  const hit = cache.get(tenantId);
  if (hit && hit.generation === generation) {
    return hit.index;
  }
  const rows = await queryRows<{ code: string; name: string; keywords: string; search_text: string; level: string }>(
    db,
    sql`select code, name, keywords, search_text, level from catalog_item_versions
         where tenant_id = ${tenantId} and valid_to is null and not withdrawn`,
  );
  const index = buildSearchIndex(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      keywords: r.keywords,
      materials: r.search_text,
      isMain: r.level === "main",
    })),
  );
  cache.set(tenantId, { generation, index });
  return index;
}
