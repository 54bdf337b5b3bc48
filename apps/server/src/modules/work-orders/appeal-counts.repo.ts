import { type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";

/*
 * The work-orders module's aggregate reads for the 诉求 analysis (the dashboard reads tickets only
 * through these): counts by topic term, category and week, clusters and repeat numbers.
 */

/**
 * The tickets an analysis reads: the tenant's, inside the reader's subtrees, received in
 * [from, to) and, when given, of a town or a unit. Every query below starts from it.
 */
export type AppealSlice = {
  tenantId: string;
  paths: readonly string[];
  from: Date;
  to: Date;
  townId?: string | undefined;
  unitId?: string | undefined;
};

export function sliceWhere(s: AppealSlice): SQL {
  const parts = [
    sql`w.tenant_id = ${s.tenantId}`,
    pathInScope(sql`w.scope_path`, s.paths),
    sql`w.received_at >= ${s.from.toISOString()}::timestamptz`,
    sql`w.received_at < ${s.to.toISOString()}::timestamptz`,
  ];
  if (s.townId) {
    parts.push(sql`w.town_id = ${s.townId}`);
  }
  if (s.unitId) {
    parts.push(sql`w.unit_id = ${s.unitId}`);
  }
  return sql.join(parts, sql` and `);
}

/*
 * Each query is built by a `…Sql` function and run by its namesake, so that a briefing can list
 * the exact SQL behind each of its numbers.
 */
export const countTicketsSql = (s: AppealSlice) =>
  sql`select count(*)::int as n from work_orders w where ${sliceWhere(s)}`;

export async function countTickets(db: Db, s: AppealSlice): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, countTicketsSql(s));
  return Number(row?.n ?? 0);
}

/** Tickets per topic term, most first. */
export const termCountsSql = (s: AppealSlice, limit: number) =>
  sql`select k as term, count(*)::int as n from work_orders w cross join lateral unnest(w.keywords) k
      where ${sliceWhere(s)} group by k order by n desc, k limit ${limit}`;

export async function termCounts(db: Db, s: AppealSlice, limit: number) {
  return queryRows<{ term: string; n: number }>(db, termCountsSql(s, limit));
}

export const categoryCountsSql = (s: AppealSlice) =>
  sql`select w.category, count(*)::int as n from work_orders w where ${sliceWhere(s)} group by 1 order by n desc, 1`;

export async function categoryCounts(db: Db, s: AppealSlice) {
  return queryRows<{ category: string; n: number }>(db, categoryCountsSql(s));
}

/** Period number of a ticket: 0 for the `days`-long period starting at `s.from`, 1 for the next … */
const periodOf = (s: AppealSlice, days: number) =>
  sql`floor(extract(epoch from w.received_at - ${s.from.toISOString()}::timestamptz) / ${days * 86_400})::int`;

export const termPeriodCountsSql = (s: AppealSlice, days: number) =>
  sql`select k as key, ${periodOf(s, days)} as wk, count(*)::int as n
      from work_orders w cross join lateral unnest(w.keywords) k where ${sliceWhere(s)} group by 1, 2`;

export const categoryPeriodCountsSql = (s: AppealSlice, days: number) =>
  sql`select w.category as key, ${periodOf(s, days)} as wk, count(*)::int as n
      from work_orders w where ${sliceWhere(s)} group by 1, 2`;

/** Tickets per key and period of `days` (weeks by default), for terms and for categories. */
export async function periodCounts(db: Db, s: AppealSlice, days = 7) {
  const [terms, categories] = [
    await queryRows<{ key: string; wk: number; n: number }>(db, termPeriodCountsSql(s, days)),
    await queryRows<{ key: string; wk: number; n: number }>(db, categoryPeriodCountsSql(s, days)),
  ];
  return { terms, categories };
}

/**
 * For each village/community and term, the 30 days holding the most of its tickets, when they
 * are at least `min`: a window over each pair's tickets in time order.
 */
export const hotSpotsSql = (s: AppealSlice, min: number) =>
  sql`with t as (
          select w.community_id, w.received_at, k from work_orders w cross join lateral unnest(w.keywords) k
          where ${sliceWhere(s)} and w.community_id is not null
        ), c as (
          select community_id, k, received_at, count(*) over (partition by community_id, k order by received_at
            range between interval '30 days' preceding and current row) as n
          from t
        ), best as (
          select distinct on (community_id, k) community_id, k, n, received_at as last
          from c where n >= ${min} order by community_id, k, n desc, received_at
        )
        select b.community_id::text as community_id, cu.name as community, coalesce(tu.name, '') as town,
          b.k as term, b.n::int as n, b.last
        from best b join org_units cu on cu.id = b.community_id
        left join org_units tu on tu.id = cu.parent_id
        order by b.n desc, b.last desc limit 50`;

export async function hotSpots(db: Db, s: AppealSlice, min: number) {
  return queryRows<{ community_id: string; community: string; town: string; term: string; n: number; last: Date }>(
    db,
    hotSpotsSql(s, min),
  );
}

/** Numbers with at least `min` tickets within 30 days, with the tickets of their busiest 30 days. */
export const repeatCallersSql = (s: AppealSlice, min: number) =>
  sql`with t as (
          select w.id, w.caller_phone as phone, w.received_at from work_orders w
          where ${sliceWhere(s)} and w.caller_phone is not null and w.caller_phone <> ''
        ), c as (
          select phone, received_at, count(*) over (partition by phone order by received_at
            range between interval '30 days' preceding and current row) as n
          from t
        ), best as (
          select distinct on (phone) phone, n, received_at as last from c where n >= ${min}
          order by phone, n desc, received_at
        ), top as (select * from best order by n desc, last desc limit 50)
        select top.phone, top.n::int as n, top.last,
          array(select t.id::text from t where t.phone = top.phone
            and t.received_at between top.last - interval '30 days' and top.last order by t.received_at) as ids
        from top order by top.n desc, top.last desc`;

export async function repeatCallers(db: Db, s: AppealSlice, min: number) {
  return queryRows<{ phone: string; n: number; last: Date; ids: string[] }>(db, repeatCallersSql(s, min));
}
