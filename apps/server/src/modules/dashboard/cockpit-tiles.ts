import type { Cockpit } from "../../../../../packages/contracts/src/cockpit.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { findVisibleHalls } from "../appointments/halls.service.ts";
import { countWaiting } from "../appointments/queue.repo.ts";
import { findBookings, hallVolumes } from "../appointments/stats.service.ts";
import { listBudgetYears } from "../budget/budget.service.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { computeRates } from "../evaluations/rates.service.ts";
import { findOrgUnitsInScope } from "../org/org.repo.ts";
import { backlogByTown } from "../work-orders/backlog.service.ts";
import { computeMetrics } from "../work-orders/metrics.service.ts";
import { VIEW_WORK_ORDERS } from "../work-orders/work-orders.policy.ts";

type Tile<K extends keyof Cockpit> = NonNullable<Cockpit[K]>;

/** [from, to) of a calendar month in Asia/Shanghai, as ISO instants with the +08:00 offset. */
export function monthSpan(year: number, month: number): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return { from: `${year}-${pad(month)}-01T00:00:00+08:00`, to: `${next.y}-${pad(next.m)}-01T00:00:00+08:00` };
}

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

export async function workOrderTile(ctx: Ctx, year: number, today: string): Promise<Tile<"workOrders">> {
  const dayFrom = `${today}T00:00:00+08:00`;
  const dayTo = new Date(new Date(dayFrom).getTime() + 86_400_000).toISOString();
  // The year and the month are the 12345 hotline's, as the report counts them: grid events began in
  // 2022, so all kinds together would show a growth over 2021 that no citizen's calls made.
  const y = await computeMetrics(ctx, {
    from: `${year}-01-01T00:00:00+08:00`,
    to: `${year + 1}-01-01T00:00:00+08:00`,
    kind: "hotline",
    groupBy: "none",
  });
  // Today's calls: the 12345 hotline's tickets received today (grid events and the rest are not calls).
  const d = await computeMetrics(ctx, { from: dayFrom, to: dayTo, kind: "hotline", groupBy: "none" });
  // The month of `today` when it lies in `year`, else December of the year asked for.
  const month = Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : 12;
  const thisMonth = monthSpan(year, month);
  const lastYear = monthSpan(year - 1, month);
  const m = (await computeMetrics(ctx, { ...thisMonth, kind: "hotline", groupBy: "none" })).total;
  const l = (await computeMetrics(ctx, { ...lastYear, kind: "hotline", groupBy: "none" })).total;
  return {
    today: d.total.counts.volume,
    year: y.total.counts.volume,
    previousYear: y.total.previousVolume,
    yoyGrowth: y.total.yoyGrowth,
    onTimeCloseRate: y.total.onTimeCloseRate,
    satisfactionRate: y.total.satisfactionRate,
    month: {
      ...thisMonth,
      onTimeCloseRate: m.onTimeCloseRate,
      satisfactionRate: m.satisfactionRate,
      lastYear: { ...lastYear, onTimeCloseRate: l.onTimeCloseRate, satisfactionRate: l.satisfactionRate },
    },
  };
}

/** Open and overdue tickets now, in total and per town or street of the reader's scope. */
export async function backlogTiles(ctx: Ctx): Promise<{ backlog: Tile<"backlog">; towns: Tile<"towns"> }> {
  const rows = await backlogByTown(ctx);
  const units = await findOrgUnitsInScope(ctx.db, ctx.actor.tenantId, scopeFor(ctx.actor, VIEW_WORK_ORDERS));
  const byTown = new Map(rows.map((r) => [r.townId, r]));
  const items = units
    .filter((u) => u.kind === "town" || u.kind === "street")
    .map((u) => {
      const r = byTown.get(u.id);
      const open = r?.open ?? 0;
      const overdue = r?.overdue ?? 0;
      return { id: u.id, name: u.name, open, overdue, overdueShare: share(overdue, open) };
    });
  return {
    backlog: {
      open: rows.reduce((a, r) => a + r.open, 0),
      overdue: rows.reduce((a, r) => a + r.overdue, 0),
    },
    towns: { measure: "overdueShare", items },
  };
}

export async function hallTile(ctx: Ctx, year: number, today: string, now: Date): Promise<Tile<"hall">> {
  const d = await hallVolumes(ctx, { from: today, to: today });
  const y = await hallVolumes(ctx, { from: `${year}-01-01`, to: `${year}-12-31` });
  const halls = await findVisibleHalls(ctx);
  const waitingNow = await countWaiting(
    ctx.db,
    halls.map((h) => h.id),
    businessDay(now),
  );
  const bookings = await findBookings(ctx, { from: today, to: today }, { page: 1, pageSize: 1 });
  return {
    todayVisitors: d.visitors,
    todayCases: d.cases,
    yearVisitors: y.visitors,
    yearCases: y.cases,
    waitingNow,
    bookingsToday: bookings.total,
  };
}

export async function ratingTile(ctx: Ctx, year: number): Promise<Tile<"ratings">> {
  const r = (
    await computeRates(
      ctx,
      {
        from: `${year}-01-01T00:00:00+08:00`,
        to: `${year + 1}-01-01T00:00:00+08:00`,
        groupBy: "none",
      },
      { coverage: false },
    )
  ).total;
  return {
    ratings: r.counts.ratings,
    goodRate: r.goodRate,
    bad: r.counts.bad,
    rectified: r.counts.rectified,
    badOpen: Math.max(0, r.counts.bad - r.counts.rectified),
    onTimeRectificationRate: r.onTimeRectificationRate,
  };
}

export async function budgetTile(ctx: Ctx, year: number): Promise<Tile<"budget"> | null> {
  const latest = (await listBudgetYears(ctx)).filter((b) => b.year <= year).sort((a, b) => b.year - a.year)[0];
  return latest
    ? {
        year: latest.year,
        executionRate: latest.summary.executionRate,
        indicators: latest.summary.indicators,
        indicatorsMet: latest.summary.indicatorsMet,
      }
    : null;
}
