import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { type AppealSlice, sliceWhere } from "./appeal-counts.repo.ts";

/*
 * The briefing's own queries, over a slice that spans the previous period and this one: `split` is
 * where this period starts, so one scan gives both counts.
 */
const dialect = new PgDialect();

/** The query as runnable SQL, parameters inlined (quoted by drizzle), for the briefing's JSON form. */
export function sqlText(query: SQL): string {
  return dialect
    .sqlToQuery(query.inlineParams())
    .sql.replace(/\s*\n\s*/g, " ")
    .trim();
}

const current = (split: Date) => sql`w.received_at >= ${split.toISOString()}::timestamptz`;

/** Tickets per day (Asia/Shanghai) over the slice. */
export const dailyCountsSql = (s: AppealSlice) =>
  sql`select to_char(w.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, count(*)::int as n
      from work_orders w where ${sliceWhere(s)} group by 1 order by 1`;

export async function dailyCounts(db: Db, s: AppealSlice) {
  return queryRows<{ day: string; n: number }>(db, dailyCountsSql(s));
}

/** Tickets per town/street in this period and the previous one; tickets without a town last. */
export const townCountsSql = (s: AppealSlice, split: Date) =>
  sql`select coalesce(t.name, '（未标注镇街）') as name,
        count(*) filter (where ${current(split)})::int as n,
        count(*) filter (where not ${current(split)})::int as prev
      from work_orders w left join org_units t on t.id = w.town_id and t.tenant_id = w.tenant_id
      where ${sliceWhere(s)} group by w.town_id, t.name order by n desc, prev desc, 1`;

export async function townCounts(db: Db, s: AppealSlice, split: Date) {
  return queryRows<{ name: string; n: number; prev: number }>(db, townCountsSql(s, split));
}

/** Tickets per handling unit (a town's offices named with their town) in both periods, the busiest `limit`. */
export const unitCountsSql = (s: AppealSlice, split: Date, limit: number) =>
  sql`select coalesce(case when p.kind in ('town', 'street') then p.name || u.name else u.name end, '（未派单）') as name,
        count(*) filter (where ${current(split)})::int as n,
        count(*) filter (where not ${current(split)})::int as prev
      from work_orders w left join org_units u on u.id = w.unit_id and u.tenant_id = w.tenant_id
      left join org_units p on p.id = u.parent_id and p.tenant_id = u.tenant_id
      where ${sliceWhere(s)} group by w.unit_id, 1 order by n desc, prev desc, 1 limit ${limit}`;

export async function unitCounts(db: Db, s: AppealSlice, split: Date, limit: number) {
  return queryRows<{ name: string; n: number; prev: number }>(db, unitCountsSql(s, split, limit));
}
