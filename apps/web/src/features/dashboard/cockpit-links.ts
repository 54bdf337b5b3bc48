import type { Cockpit } from "../../../../../packages/contracts/src/cockpit.ts";
import { OPEN_STATUSES } from "../../../../../packages/contracts/src/work-orders.ts";

/*
 * Where each cockpit tile opens, in the normal UI: the list pages' own URL filters, so a figure
 * opens the records it counts (or, where a list has no such filter, the nearest list, as said).
 */

export { OPEN_STATUSES };

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** [from, to) of a Shanghai calendar day, as the instants the ticket list filters on. */
export function daySpan(day: string): { from: string; to: string } {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: `${day}T00:00:00+08:00`, to: `${next.toISOString().slice(0, 10)}T00:00:00+08:00` };
}

export const cockpitLinks = {
  callsToday: (today: string) => `/work-orders?${q({ queue: "all", kind: "hotline", ...daySpan(today) })}`,
  open: () => `/work-orders?${q({ queue: "all", status: OPEN_STATUSES.join(",") })}`,
  overdue: () => `/work-orders?${q({ queue: "overdue" })}`,
  townOverdue: (townId: string) => `/work-orders?${q({ queue: "overdue", townId })}`,
  monthMetrics: (m: { from: string; to: string }) =>
    `/work-orders/metrics?${q({ kind: "hotline", from: m.from, to: m.to })}`,
  hallToday: (today: string) => `/hall/metrics?${q({ from: today, to: today })}`,
  yearMetrics: (year: number) =>
    `/work-orders/metrics?${q({ kind: "hotline", from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` })}`,
  ratings: (year: number) =>
    `/ratings?${q({ from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` })}`,
  badRatings: (year: number) =>
    `/ratings?${q({ metric: "bad", from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` })}`,
  budget: (year: number) => `/budget/${year}`,
  appeals: (weekStart: string) => `/appeals?${q({ week: weekStart })}`,
};

type Rising = NonNullable<Cockpit["appeals"]>["rising"][number];

/** A rising topic's tickets that week: its category exactly, a term by the list's title search. */
export function risingLink(topic: Pick<Rising, "kind" | "key">, weekStart: string): string {
  const from = `${weekStart}T00:00:00+08:00`;
  const end = new Date(`${weekStart}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 7);
  const to = `${end.toISOString().slice(0, 10)}T00:00:00+08:00`;
  const filter: Record<string, string> = topic.kind === "category" ? { category: topic.key } : { q: topic.key };
  return `/work-orders?${q({ queue: "all", ...filter, from, to })}`;
}
