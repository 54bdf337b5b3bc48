import { sql } from "drizzle-orm";
import type { Db } from "./db/client.ts";
import { queryRows } from "./db/rows.ts";

/*
 * Human numbers, per tenant and year (Asia/Shanghai): 办件 BJ2022-0000001, tickets registered by
 * hand RX2022-0000001 (city tickets keep the city's own GZ… number). One counter row per tenant,
 * kind and year, bumped by an upsert: the row lock makes concurrent callers wait, so no number is
 * handed out twice; a rolled-back transaction takes its number back with it.
 */
export type NumberKind = "service_case" | "work_order";
const PREFIX: Record<NumberKind, string> = { service_case: "BJ", work_order: "RX" };

const yearOf = (at: Date) =>
  Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(at));

/** The part of a number before its sequence: "BJ2022-". */
export const numberPrefix = (kind: NumberKind, year: number) => `${PREFIX[kind]}${year}-`;

export const formatNumber = (kind: NumberKind, year: number, n: number) =>
  `${numberPrefix(kind, year)}${String(n).padStart(7, "0")}`;

/** The next number of `kind` for the year of `at`; call it inside the transaction that writes the record. */
export async function nextNumber(db: Db, tenantId: string, kind: NumberKind, at: Date): Promise<string> {
  const year = yearOf(at);
  const [row] = await queryRows<{ last_value: string | number }>(
    db,
    sql`insert into number_counters (tenant_id, kind, year, last_value) values (${tenantId}, ${kind}, ${year}, 1)
        on conflict (tenant_id, kind, year) do update set last_value = number_counters.last_value + 1
        returning last_value`,
  );
  return formatNumber(kind, year, Number(row?.last_value ?? 1));
}

/**
 * Reserves a block of `count` numbers of `kind` for `year` and returns the last number before it: a
 * bulk writer (the demo's year) numbers its rows base + 1 … base + count itself, in short statements,
 * instead of one long renumbering at its end. A block reserved by a load that is then killed stays a
 * gap, as a rolled-back number would in any numbering that must never hand a number out twice.
 */
export async function reserveNumbers(
  db: Db,
  tenantId: string,
  kind: NumberKind,
  year: number,
  count: number,
): Promise<number> {
  const [row] = await queryRows<{ last_value: string | number }>(
    db,
    sql`insert into number_counters (tenant_id, kind, year, last_value) values (${tenantId}, ${kind}, ${year}, ${count})
        on conflict (tenant_id, kind, year) do update set last_value = number_counters.last_value + ${count}
        returning last_value`,
  );
  return Number(row?.last_value ?? count) - count;
}

/**
 * Numbers a tenant's service cases written without one (the demo's bulk load), in finishing order
 * after the year's last number, and moves the counters on. The same rule as migration 0015's backfill.
 */
export async function numberUnnumberedCases(db: Db, tenantId: string): Promise<void> {
  await db.execute(sql`
    with n as (
      select s.id, extract(year from s.finished_at at time zone 'Asia/Shanghai')::int as y,
        row_number() over (partition by extract(year from s.finished_at at time zone 'Asia/Shanghai')
          order by s.finished_at, s.id) as rn
      from service_cases s where s.tenant_id = ${tenantId} and s.case_no is null
    ), base as (
      select y, coalesce((select c.last_value from number_counters c
        where c.tenant_id = ${tenantId} and c.kind = 'service_case' and c.year = y), 0) as last
      from (select distinct y from n) ys
    ), numbered as (
      update service_cases s set case_no = 'BJ' || n.y || '-' || lpad((base.last + n.rn)::text, 7, '0')
      from n join base on base.y = n.y where s.id = n.id
      returning n.y, base.last + n.rn as v
    )
    -- The counters move on from the rows just numbered: every earlier number went through a counter
    -- already, so reading them all back (seconds on a year of cases) would add nothing.
    insert into number_counters (tenant_id, kind, year, last_value)
    select ${tenantId}, 'service_case', y, max(v) from numbered group by y
    on conflict (tenant_id, kind, year) do update set last_value = greatest(number_counters.last_value, excluded.last_value)`);
}
