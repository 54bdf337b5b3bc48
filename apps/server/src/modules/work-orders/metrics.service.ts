import { type SQL, sql } from "drizzle-orm";
import {
  type MetricRow,
  WO_CATEGORY_LABELS,
  WO_KIND_LABELS,
  WO_METRIC_KEYS,
  WoCategorySchema,
  WoKindSchema,
  type WoMetricKey,
  type WorkOrderFilter,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { READ_WORK_ORDER_METRICS } from "./work-orders.policy.ts";
import { workOrders as w } from "./work-orders.schema.ts";
import { campaignPeriodCovers, filterWhere, METRIC_FORMULAS, metricCondition } from "./work-orders-filter.ts";

export type GroupBy = "none" | "unit" | "category" | "kind" | "campaign" | "town" | "month";
export type MetricsQuery = Omit<WorkOrderFilter, "queue" | "metric" | "status"> & { groupBy: GroupBy };

const round4 = (x: number) => Math.round(x * 10000) / 10000;
const ratio = (num: number, den: number) => (den > 0 ? round4(num / den) : null);

function groupParts(groupBy: GroupBy): { key: SQL; label: SQL; join: SQL; condition?: SQL } {
  switch (groupBy) {
    case "none":
      return { key: sql`null::text`, label: sql`'合计'`, join: sql`` };
    case "unit":
      return {
        key: sql`${w.unitId}::text`,
        label: sql`coalesce(g.name, '未派单')`,
        join: sql`left join org_units g on g.id = ${w.unitId}`,
      };
    case "town":
      return {
        key: sql`${w.townId}::text`,
        label: sql`coalesce(g.name, '未标注镇街')`,
        join: sql`left join org_units g on g.id = ${w.townId}`,
      };
    case "category":
      return { key: sql`${w.category}`, label: sql`${w.category}`, join: sql`` };
    case "kind":
      return { key: sql`${w.kind}`, label: sql`${w.kind}`, join: sql`` };
    case "campaign":
      // A tag counts where the campaign filter would list the ticket: within the campaign's period.
      return {
        key: sql`ct.tag_name`,
        label: sql`ct.tag_name`,
        // Aliased apart from campaigns.tag, which the period check's subquery also sees.
        join: sql`cross join lateral unnest(${w.campaignTags}) as ct(tag_name)`,
        condition: campaignPeriodCovers(sql`ct.tag_name`),
      };
    case "month":
      return {
        key: sql`to_char(${w.receivedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
        label: sql`to_char(${w.receivedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
        join: sql``,
      };
  }
}

function displayLabel(groupBy: GroupBy, label: string): string {
  if (groupBy === "category") {
    const c = WoCategorySchema.safeParse(label);
    return c.success ? WO_CATEGORY_LABELS[c.data] : label;
  }
  if (groupBy === "kind") {
    const k = WoKindSchema.safeParse(label);
    return k.success ? WO_KIND_LABELS[k.data] : label;
  }
  return label;
}

const shiftYear = (iso: string | undefined, years: number) => {
  if (!iso) {
    return undefined;
  }
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
};

/** "2021-03" → "2022-03". */
const nextYearMonth = (key: string) => `${Number(key.slice(0, 4)) + 1}${key.slice(4)}`;

type Counted = Record<string, unknown> & { key: string | null; label: string };

async function countRows(ctx: Ctx, q: MetricsQuery, groupBy: GroupBy, onlyVolume: boolean): Promise<Counted[]> {
  const now = ctx.clock.now();
  const asOf = new Date(Math.min(q.to ? Date.parse(q.to) : now.getTime(), now.getTime()));
  const where = filterWhere(q, {
    tenantId: ctx.actor.tenantId,
    // The same action as the route: a handler grant elsewhere must not widen a supervisor's figures.
    scope: scopeFor(ctx.actor, READ_WORK_ORDER_METRICS),
    now,
    warnHours: 24,
  });
  const g = groupParts(groupBy);
  const keys = onlyVolume ? (["volume"] as const) : WO_METRIC_KEYS;
  const counts = keys.map((k) => sql`count(*) filter (where ${metricCondition(k, asOf)})::int as ${sql.identifier(k)}`);
  return queryRows<Counted>(
    ctx.db,
    sql`select ${g.key} as key, ${g.label} as label, ${sql.join(counts, sql`, `)}
        from ${w} ${g.join}
        where ${where} ${g.condition ? sql`and ${g.condition}` : sql``}
        group by 1, 2 order by ${groupBy === "month" ? sql`1 asc` : sql`3 desc`}`,
  );
}

function toMetricRow(
  groupBy: GroupBy,
  row: Counted | undefined,
  previous: number,
  key: string | null,
  label: string,
): MetricRow {
  const counts = Object.fromEntries(WO_METRIC_KEYS.map((k) => [k, Number(row?.[k] ?? 0)])) as Record<
    WoMetricKey,
    number
  >;
  return {
    key,
    label: displayLabel(groupBy, label),
    counts,
    previousVolume: previous,
    yoyGrowth: previous > 0 ? round4((counts.volume - previous) / previous) : null,
    onTimeAcceptRate: ratio(counts.acceptOnTime, counts.acceptDue),
    onTimeCloseRate: ratio(counts.closeOnTime, counts.closeDue),
    satisfactionRate: ratio(counts.satisfied, counts.followedUp),
    resolutionRate: ratio(counts.resolved, counts.resolvedKnown),
    redoRate: ratio(counts.redo, counts.closed),
  };
}

/** Volume, YoY and the rates for a period, in total and by group; every count is a drill-down filter. */
export async function computeMetrics(ctx: Ctx, q: MetricsQuery) {
  const previousQuery = { ...q, from: shiftYear(q.from, -1), to: shiftYear(q.to, -1) };
  const [totalRows, prevTotal] = await Promise.all([
    countRows(ctx, q, "none", false),
    q.from || q.to ? countRows(ctx, previousQuery, "none", true) : Promise.resolve([]),
  ]);
  const total = toMetricRow("none", totalRows[0], Number(prevTotal[0]?.volume ?? 0), null, "合计");
  let groups: MetricRow[] = [];
  if (q.groupBy !== "none") {
    const [rows, prev] = await Promise.all([
      countRows(ctx, q, q.groupBy, false),
      q.from || q.to ? countRows(ctx, previousQuery, q.groupBy, true) : Promise.resolve([]),
    ]);
    // A month's 上年同期 is the same month a year earlier: its key is shifted forward to match.
    const prevKey = (k: string | null) => (q.groupBy === "month" && k ? nextYearMonth(k) : k);
    const prevByKey = new Map(prev.map((r) => [prevKey(r.key), Number(r.volume ?? 0)]));
    groups = rows.map((r) => toMetricRow(q.groupBy, r, prevByKey.get(r.key) ?? 0, r.key, r.label));
  }
  return { total, groups, formulas: METRIC_FORMULAS };
}
