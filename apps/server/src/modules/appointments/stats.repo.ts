import { type SQL, sql } from "drizzle-orm";
import type { HallFilter } from "../../../../../packages/contracts/src/appointments.ts";
import type { VisitSlice } from "../../../../../packages/contracts/src/hall-waits.ts";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";

export type GroupBy = "none" | "hall" | "level" | "item" | "window" | "staff" | "day" | "month";
type Source = "cases" | "tickets" | "bookings";

const BIZ = "Asia/Shanghai";

/** The business date of each source row: cases by finish, tickets and bookings by their day. */
function dayExpr(src: Source): SQL {
  return src === "cases" ? sql.raw(`(x.finished_at at time zone '${BIZ}')::date`) : sql.raw("x.day");
}

/** Grouping key per source; null where a source has no such dimension (bookings have no window). */
function keyExpr(src: Source, groupBy: GroupBy): SQL | null {
  switch (groupBy) {
    case "none":
      return sql`null::text`;
    case "hall":
      return sql`x.hall_id::text`;
    case "level":
      return sql`h.level`;
    case "item":
      return sql`x.item_code`;
    case "window":
      return src === "cases" ? sql`x.window_name` : src === "tickets" ? sql`w.name` : null;
    case "staff":
      return src === "cases" ? sql`x.staff_name` : null;
    case "day":
      return sql`to_char(${dayExpr(src)}, 'YYYY-MM-DD')`;
    case "month":
      return sql`to_char(${dayExpr(src)}, 'YYYY-MM')`;
  }
}

/** Hall, level and item: the filters every source (and the case cells) reads the same way. */
function placeFilters(f: HallFilter): SQL[] {
  return [
    f.hallId ? sql`x.hall_id = ${f.hallId}` : null,
    f.level ? sql`h.level = ${f.level}` : null,
    f.itemCode ? sql`x.item_code = ${f.itemCode}` : null,
  ].filter((c): c is SQL => c !== null);
}

/** WHERE for one source: tenant, the actor's subtrees, and the shared filters (metrics = list filters). */
export function whereFor(
  src: Source,
  tenantId: string,
  paths: readonly string[],
  f: HallFilter & VisitSlice,
): SQL | null {
  const conds: SQL[] = [sql`x.tenant_id = ${tenantId}`, pathInScope(sql`x.scope_path`, paths)];
  // Cases are bounded on the raw timestamp (the business day's midnight in Beijing), so the
  // condition is a plain range rather than a time-zone conversion of every row.
  if (f.from) {
    conds.push(
      src === "cases"
        ? sql`x.finished_at >= (${f.from}::date)::timestamp at time zone ${sql.raw(`'${BIZ}'`)}`
        : sql`${dayExpr(src)} >= ${f.from}::date`,
    );
  }
  if (f.to) {
    conds.push(
      src === "cases"
        ? sql`x.finished_at < (${f.to}::date + 1)::timestamp at time zone ${sql.raw(`'${BIZ}'`)}`
        : sql`${dayExpr(src)} <= ${f.to}::date`,
    );
  }
  conds.push(...placeFilters(f));
  if (f.windowName) {
    if (src === "bookings") {
      return null;
    }
    conds.push(src === "cases" ? sql`x.window_name = ${f.windowName}` : sql`w.name = ${f.windowName}`);
  }
  if (f.staffName) {
    if (src !== "cases") {
      return null;
    }
    conds.push(sql`x.staff_name = ${f.staffName}`);
  }
  if (f.groupId) {
    // A case belongs to the group its window is in (as the wait charts read it from the case cells).
    conds.push(
      src === "cases"
        ? sql`exists (select 1 from hall_windows gw where gw.hall_id = x.hall_id and gw.name = x.window_name
                      and gw.group_id = ${f.groupId})`
        : sql`x.group_id = ${f.groupId}`,
    );
  }
  if (f.hour !== undefined) {
    if (src === "bookings") {
      return null;
    }
    conds.push(sql`extract(hour from x.checked_in_at at time zone ${sql.raw(`'${BIZ}'`)}) = ${f.hour}`);
  }
  return sql.join(conds, sql` and `);
}

function fromFor(src: Source): SQL {
  const table = src === "cases" ? "service_cases" : src === "tickets" ? "queue_tickets" : "bookings";
  const win = src === "tickets" ? " left join hall_windows w on w.id = x.window_id" : "";
  return sql.raw(`${table} x join halls h on h.id = x.hall_id${win}`);
}

export type Agg = {
  k: string | null;
  n: number;
  noShow: number;
  avg_wait: number | null;
  p90_wait: number | null;
  avg_svc: number | null;
  p90_svc: number | null;
};
/** The whole range's row and, when grouped, one row per key: one scan serves both. */
export type Aggregated = { total: Agg | null; groups: Agg[] };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Cases are read from their cells (hall × day × item × window × clerk, migration 0022): same filters. */
export function cellWhere(tenantId: string, paths: readonly string[], f: HallFilter): SQL {
  const conds: SQL[] = [sql`x.tenant_id = ${tenantId}`, pathInScope(sql`x.scope_path`, paths)];
  if (f.from) {
    conds.push(sql`x.day >= ${f.from}::date`);
  }
  if (f.to) {
    conds.push(sql`x.day <= ${f.to}::date`);
  }
  conds.push(...placeFilters(f));
  if (f.windowName) {
    conds.push(sql`x.window_name = ${f.windowName}`);
  }
  if (f.staffName) {
    conds.push(sql`x.staff_name = ${f.staffName}`);
  }
  return sql.join(conds, sql` and `);
}

function cellKey(groupBy: GroupBy): SQL {
  switch (groupBy) {
    case "none":
      return sql`null::text`;
    case "hall":
      return sql`x.hall_id::text`;
    case "level":
      return sql`h.level`;
    case "item":
      return sql`x.item_code`;
    case "window":
      return sql`x.window_name`;
    case "staff":
      return sql`x.staff_name`;
    case "day":
      return sql`to_char(x.day, 'YYYY-MM-DD')`;
    case "month":
      return sql`to_char(x.day, 'YYYY-MM')`;
  }
}

const outerKey = (groupBy: GroupBy) => (groupBy === "none" ? sql`null::text as k` : sql`k, grouping(k) as g`);
const sets = (groupBy: GroupBy) => sql.raw(groupBy === "none" ? "()" : "grouping sets ((), (k))");

function split(rows: Record<string, unknown>[]): Aggregated {
  const out: Aggregated = { total: null, groups: [] };
  for (const r of rows) {
    const agg: Agg = {
      k: r.k === null ? null : String(r.k),
      n: Number(r.n),
      noShow: Number(r.no_show ?? 0),
      avg_wait: num(r.avg_wait),
      p90_wait: num(r.p90_wait),
      avg_svc: num(r.avg_svc),
      p90_svc: num(r.p90_svc),
    };
    // grouping(k) = 1 marks the grand total; a group may itself have a null key.
    if (Number(r.g) === 1 || r.g === undefined) {
      out.total = { ...agg, k: null };
    } else {
      out.groups.push(agg);
    }
  }
  return out;
}

/** The seconds of a string_agg of the cells' arrays ("12,40,7"), sorted. */
function sortedSeconds(csv: string): Int32Array {
  const parts = csv === "" ? [] : csv.split(",");
  const out = new Int32Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    out[i] = Number(parts[i]);
  }
  return out.sort();
}

function concatSorted(arrays: Int32Array[]): Int32Array {
  const out = new Int32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out.sort();
}

/** Mean and P90 as PostgreSQL's avg and percentile_cont(0.9) give them (linear interpolation). */
export function describe(sorted: Int32Array): { avg: number | null; p90: number | null } {
  const n = sorted.length;
  if (n === 0) {
    return { avg: null, p90: null };
  }
  let sum = 0;
  for (const v of sorted) {
    sum += v;
  }
  const pos = 0.9 * (n - 1);
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, n - 1)] ?? a;
  return { avg: sum / n, p90: a + (b - a) * (pos - lo) };
}

/**
 * Cases with exact averages and P90. The database hands over each group's seconds as one string
 * (the cells' arrays joined) and the percentiles are taken here: sorting 767,227 integers in a
 * typed array is a few dozen milliseconds, where percentile_cont's two tuple sorts took over a
 * second on the embedded engine.
 */
export async function aggregateCases(
  db: Db,
  tenantId: string,
  paths: readonly string[],
  f: HallFilter,
  groupBy: GroupBy,
): Promise<Aggregated> {
  const rows = await queryRows<{ k: string | null; w: string | null; s: string | null }>(
    db,
    sql`select ${cellKey(groupBy)} as k,
          string_agg(array_to_string(x.waits, ','), ',') as w,
          string_agg(array_to_string(x.services, ','), ',') as s
        from hall_case_cells x join halls h on h.id = x.hall_id
        where ${cellWhere(tenantId, paths, f)}
        group by 1`,
  );
  const parsed = rows.map((r) => ({ k: r.k, w: sortedSeconds(r.w ?? ""), s: sortedSeconds(r.s ?? "") }));
  const agg = (k: string | null, w: Int32Array, s: Int32Array): Agg => {
    const wait = describe(w);
    const svc = describe(s);
    return { k, n: w.length, noShow: 0, avg_wait: wait.avg, p90_wait: wait.p90, avg_svc: svc.avg, p90_svc: svc.p90 };
  };
  const groups = parsed.map((p) => agg(p.k, p.w, p.s)).filter((g) => g.n > 0);
  const [only] = parsed;
  const total =
    parsed.length === 1 && only
      ? agg(null, only.w, only.s)
      : agg(null, concatSorted(parsed.map((p) => p.w)), concatSorted(parsed.map((p) => p.s)));
  return { total: total.n > 0 ? total : null, groups: groupBy === "none" ? [] : groups };
}

/** Visitors (tickets handed out) or bookings (not cancelled) with their no-shows, per key. */
export async function aggregateCounts(
  db: Db,
  src: "tickets" | "bookings",
  tenantId: string,
  paths: readonly string[],
  f: HallFilter,
  groupBy: GroupBy,
): Promise<Aggregated> {
  const where = whereFor(src, tenantId, paths, f);
  if (!where) {
    return { total: null, groups: [] };
  }
  const key = keyExpr(src, groupBy);
  if (!key) {
    // A dimension this source lacks (bookings have no window): its total still counts.
    return { total: (await aggregateCounts(db, src, tenantId, paths, f, "none")).total, groups: [] };
  }
  const extra = src === "bookings" ? sql` and x.status <> 'cancelled'` : sql``;
  const head = outerKey(groupBy);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${head}, count(*)::int as n, count(*) filter (where status = 'no_show')::int as no_show
        from (select ${key} as k, x.status from ${fromFor(src)} where ${where}${extra}) c
        group by ${sets(groupBy)}`,
  );
  return split(rows.filter((r) => Number(r.n) > 0));
}

/** How many rows of a source match the filters: visitors (tickets) or cases, as the lists count them. */
export async function countRows(
  db: Db,
  src: "cases" | "tickets",
  tenantId: string,
  paths: readonly string[],
  f: HallFilter,
): Promise<number> {
  if (src === "cases") {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select coalesce(sum(cardinality(x.waits)), 0)::int as n
          from hall_case_cells x join halls h on h.id = x.hall_id where ${cellWhere(tenantId, paths, f)}`,
    );
    return Number(row?.n ?? 0);
  }
  const where = whereFor(src, tenantId, paths, f);
  if (!where) {
    return 0;
  }
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${fromFor(src)} where ${where}`);
  return Number(row?.n ?? 0);
}

/** One page of a source's rows under the same filters (the drill-down of a count). */
export async function listRows(
  db: Db,
  src: Source,
  tenantId: string,
  paths: readonly string[],
  f: HallFilter & VisitSlice & { status?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ ids: string[]; total: number }> {
  const where = whereFor(src, tenantId, paths, f);
  if (!where) {
    return { ids: [], total: 0 };
  }
  const status = src === "bookings" && f.status ? sql` and x.status = ${f.status}` : src === "bookings" ? sql`` : sql``;
  const order =
    src === "cases" ? sql`x.finished_at desc` : src === "tickets" ? sql`x.checked_in_at desc` : sql`x.starts_at desc`;
  const rows = await queryRows<{ id: string; total: number }>(
    db,
    sql`select x.id, count(*) over ()::int as total from ${fromFor(src)}
        where ${where}${status} order by ${order}, x.id limit ${page.limit} offset ${page.offset}`,
  );
  return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
}

/** Distinct bookable items offered by halls of each level, and how many halls that is. */
export async function bookableItemsByLevel(db: Db, tenantId: string, paths: readonly string[]) {
  const rows = await queryRows<{ level: string; halls: number; items: number }>(
    db,
    sql`select h.level, count(distinct h.id)::int as halls, count(distinct i.item_code)::int as items
        from halls h join window_groups g on g.hall_id = h.id
        join hall_group_items i on i.group_id = g.id and i.bookable
        where h.tenant_id = ${tenantId} and ${pathInScope(sql`h.scope_path`, paths)}
        group by h.level`,
  );
  return rows.map((r) => ({ level: r.level, halls: Number(r.halls), items: Number(r.items) }));
}
