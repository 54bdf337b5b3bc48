import { z } from "zod";
import {
  METRIC_GROUPS,
  type MetricRow,
  WoCategorySchema,
  WoChannelSchema,
  WoKindSchema,
  type WoMetricKey,
  WoUrgencySchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { monthStart, nextMonth } from "../../shared/months.ts";

export type GroupBy = (typeof METRIC_GROUPS)[number];

/** The metrics page's state, kept in its URL; the same filters open the ticket list. */
export type MetricsParams = {
  from: string;
  to: string;
  groupBy: GroupBy;
  kind?: string | undefined;
  category?: string | undefined;
  urgency?: string | undefined;
  channel?: string | undefined;
  townId?: string | undefined;
  unitId?: string | undefined;
  campaign?: string | undefined;
};

export const DEFAULT_FROM = monthStart("2022-01");
export const DEFAULT_TO = monthStart("2023-01");

const Instant = z.iso.datetime({ offset: true });
const GroupBySchema = z.enum(METRIC_GROUPS);

export function readMetricsParams(params: URLSearchParams): MetricsParams {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  // An unknown code from a hand-edited URL is dropped rather than failing the whole request.
  const pick = (k: string, schema: z.ZodType) => {
    const v = get(k);
    return v && schema.safeParse(v).success ? v : undefined;
  };
  const from = Instant.safeParse(get("from"));
  const to = Instant.safeParse(get("to"));
  const groupBy = GroupBySchema.safeParse(get("groupBy"));
  return {
    from: from.success ? from.data : DEFAULT_FROM,
    to: to.success ? to.data : DEFAULT_TO,
    groupBy: groupBy.success ? groupBy.data : "unit",
    kind: pick("kind", WoKindSchema),
    category: pick("category", WoCategorySchema),
    urgency: pick("urgency", WoUrgencySchema),
    channel: pick("channel", WoChannelSchema),
    townId: get("townId"),
    unitId: get("unitId"),
    campaign: get("campaign"),
  };
}

/** The filters a figure was counted under, without the grouping. */
export function baseFilter(p: MetricsParams): Record<string, string | undefined> {
  const { groupBy: _groupBy, ...rest } = p;
  return rest;
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * The list filter that selects one group's tickets, or null when the group cannot be expressed
 * as a filter (e.g. the "未派单" row has no unit id).
 */
export function groupFilter(groupBy: GroupBy, row: MetricRow, p: MetricsParams): Record<string, string> | null {
  const key = row.key;
  if (groupBy === "none") {
    return {};
  }
  if (key === null) {
    return null;
  }
  switch (groupBy) {
    case "unit":
      return { unitId: key };
    case "town":
      return { townId: key };
    case "category":
      return { category: key };
    case "kind":
      return { kind: key };
    case "campaign":
      return { campaign: key };
    case "month":
      return { from: later(p.from, monthStart(key)), to: earlier(p.to, monthStart(nextMonth(key))) };
  }
}

/** The ticket list showing exactly the tickets behind one figure. */
export function drillHref(filter: Record<string, string | undefined>, metric: WoMetricKey): string {
  const params = new URLSearchParams();
  params.set("metric", metric);
  for (const [k, v] of Object.entries(filter)) {
    if (v) {
      params.set(k, v);
    }
  }
  return `/work-orders?${params.toString()}`;
}

const shiftYear = (iso: string) => {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString();
};

/** The same filter one year earlier, as the server counts 上年同期. */
export function previousYear(filter: Record<string, string | undefined>): Record<string, string | undefined> {
  return {
    ...filter,
    from: filter.from ? shiftYear(filter.from) : undefined,
    to: filter.to ? shiftYear(filter.to) : undefined,
  };
}
