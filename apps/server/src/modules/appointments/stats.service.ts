import {
  type BookingStatus,
  HALL_LEVEL_LABELS,
  HALL_LEVELS,
  type HallFilter,
  HallLevelSchema,
  type HallMetricRow,
  type HallMetrics,
} from "../../../../../packages/contracts/src/appointments.ts";
import type { VisitSlice } from "../../../../../packages/contracts/src/hall-waits.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { bookableItemCounts } from "../catalog/catalog-metrics.service.ts";
import { businessDate } from "../catalog/catalog-time.ts";
import { toBookingDto, toCaseDto, toTicketDto } from "./appointments.mapper.ts";
import { VIEW_HALLS } from "./appointments.policy.ts";
import { cancelDeadline } from "./booking-rules.ts";
import { findBookingsByIds } from "./bookings.repo.ts";
import { findHallParts, findHalls } from "./halls.repo.ts";
import { findCasesByIds, findTicketsByIds } from "./queue.repo.ts";
import { getAppointmentSettings } from "./settings.service.ts";
import {
  type Agg,
  aggregateCases,
  aggregateCounts,
  bookableItemsByLevel,
  countRows,
  type GroupBy,
  listRows,
} from "./stats.repo.ts";

export const HALL_METRIC_FORMULAS: Record<string, string> = {
  visitors: "来访人次 = 期间取号（预约签到 + 现场取号）张数",
  cases: "办件量 = 期间在窗口办结的业务笔数",
  bookings: "预约量 = 期间预约日在范围内、未取消的预约数",
  noShowRate: "爽约率 = 爽约预约数 ÷ 预约量",
  wait: "等候时长 = 首次叫号时间 − 取号时间（预约者按预约时段开始时间起算）；P90 为 90% 分位",
  service: "办理时长 = 办结时间 − 开始办理时间；P90 为 90% 分位",
};

const paths = (ctx: Ctx) => scopeFor(ctx.actor, VIEW_HALLS);

/**
 * Visitors, cases, bookings, no-shows and wait/service times by hall, level, item, window, staff,
 * day or month, within the actor's subtrees. Each count is the total of the list endpoint under
 * the same filters (cases → /cases, bookings and no-shows → /bookings).
 */
export async function hallMetrics(ctx: Ctx, f: HallFilter, groupBy: GroupBy): Promise<HallMetrics> {
  const p = paths(ctx);
  const t = ctx.actor.tenantId;
  // Each source answers the total and the groups in one scan (grouping sets).
  const [cases, visitors, booked] = await Promise.all([
    aggregateCases(ctx.db, t, p, f, groupBy),
    aggregateCounts(ctx.db, "tickets", t, p, f, groupBy),
    aggregateCounts(ctx.db, "bookings", t, p, f, groupBy),
  ]);
  const row = (k: string | null, c: Agg | undefined, v: Agg | undefined, b: Agg | undefined): HallMetricRow => {
    const bookingsN = b?.n ?? 0;
    return {
      key: k,
      label: k ?? "合计",
      visitors: v?.n ?? 0,
      cases: c?.n ?? 0,
      bookings: bookingsN,
      noShows: b?.noShow ?? 0,
      noShowRate: bookingsN ? (b?.noShow ?? 0) / bookingsN : null,
      avgWaitSeconds: c?.avg_wait ?? null,
      p90WaitSeconds: c?.p90_wait ?? null,
      avgServiceSeconds: c?.avg_svc ?? null,
      p90ServiceSeconds: c?.p90_svc ?? null,
    };
  };
  const totalRow = row(null, cases.total ?? undefined, visitors.total ?? undefined, booked.total ?? undefined);
  const keys = new Set<string | null>([...cases.groups, ...visitors.groups, ...booked.groups].map((r) => r.k));
  const byKey = (list: Agg[]) => new Map(list.map((r) => [r.k, r]));
  const [cm, vm, bm] = [byKey(cases.groups), byKey(visitors.groups), byKey(booked.groups)];
  const groups = groupBy === "none" ? [] : [...keys].map((k) => row(k, cm.get(k), vm.get(k), bm.get(k)));
  const halls = groupBy === "hall" ? await findHalls(ctx.db, { tenantId: t, paths: p }) : [];
  const label = (k: string | null) => {
    if (k === null) {
      return "（无）";
    }
    if (groupBy === "hall") {
      return halls.find((h) => h.id === k)?.name ?? k;
    }
    const level = HallLevelSchema.safeParse(k);
    return groupBy === "level" && level.success ? HALL_LEVEL_LABELS[level.data] : k;
  };
  return {
    total: totalRow,
    groups: groups
      .map((g) => ({ ...g, label: label(g.key) }))
      .sort((a, b) => b.cases - a.cases || b.visitors - a.visitors),
    formulas: HALL_METRIC_FORMULAS,
  };
}

/**
 * Visitors and service cases under the filters, without the time percentiles: the same counts as
 * `hallMetrics` totals and the /tickets and /cases lists (the report's hall figures).
 */
export async function hallVolumes(ctx: Ctx, f: HallFilter): Promise<{ visitors: number; cases: number }> {
  const p = paths(ctx);
  const t = ctx.actor.tenantId;
  const [visitors, cases] = await Promise.all([
    countRows(ctx.db, "tickets", t, p, f),
    countRows(ctx.db, "cases", t, p, f),
  ]);
  return { visitors, cases };
}

async function hallNames(ctx: Ctx) {
  const halls = await findHalls(ctx.db, { tenantId: ctx.actor.tenantId, paths: paths(ctx) });
  return new Map(halls.map((h) => [h.id, h]));
}

/** Service cases under the filters (drill-down of `cases` and the times). */
export async function findServiceCases(ctx: Ctx, f: HallFilter & VisitSlice, page: { page: number; pageSize: number }) {
  const { ids, total } = await listRows(ctx.db, "cases", ctx.actor.tenantId, paths(ctx), f, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const rows = await findCasesByIds(ctx.db, ids);
  const halls = await hallNames(ctx);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toCaseDto(r, halls.get(r.hallId)?.name ?? "")] : [];
  });
  return { items, total };
}

/** Queue tickets (visitors) under the filters: the drill-down of `visitors`. */
export async function findVisitorTickets(
  ctx: Ctx,
  f: HallFilter & VisitSlice,
  page: { page: number; pageSize: number },
) {
  const { ids, total } = await listRows(ctx.db, "tickets", ctx.actor.tenantId, paths(ctx), f, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const rows = await findTicketsByIds(ctx.db, ids);
  const parts = await findHallParts(ctx.db, [...new Set(rows.map((r) => r.hallId))]);
  const groupName = new Map(parts.groups.map((g) => [g.id, g.name]));
  const windowName = new Map(parts.windows.map((w) => [w.id, w.name]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [toTicketDto(r, groupName.get(r.groupId) ?? "", r.windowId ? (windowName.get(r.windowId) ?? null) : null)]
      : [];
  });
  return { items, total };
}

/** Bookings under the filters, optionally of one status (drill-down of `bookings` and `noShows`). */
export async function findBookings(
  ctx: Ctx,
  f: HallFilter & { status?: BookingStatus | undefined },
  page: { page: number; pageSize: number },
) {
  const { ids, total } = await listRows(ctx.db, "bookings", ctx.actor.tenantId, paths(ctx), f, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  const rows = await findBookingsByIds(ctx.db, ids);
  const halls = await hallNames(ctx);
  const parts = await findHallParts(ctx.db, [...new Set(rows.map((r) => r.hallId))]);
  const settings = await getAppointmentSettings(ctx.db, ctx.actor.tenantId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    const hall = r ? halls.get(r.hallId) : undefined;
    const group = r ? parts.groups.find((g) => g.id === r.groupId) : undefined;
    return r && hall && group ? [toBookingDto(r, hall, group, cancelDeadline(r.startsAt, settings))] : [];
  });
  return { items, total };
}

/**
 * Bookable items per hall level, with the halls of that level in scope. Town and village levels
 * count the catalog's bookable flags (`bookableItemCounts`, as 事项统计 and the report do); the
 * catalog has no flag for the district centre, whose figure is what its window groups offer.
 */
export async function bookableItems(ctx: Ctx) {
  const [rows, catalog] = await Promise.all([
    bookableItemsByLevel(ctx.db, ctx.actor.tenantId, paths(ctx)),
    bookableItemCounts(ctx.db, ctx.actor.tenantId, businessDate(ctx.clock.now())),
  ]);
  const configured = new Map(rows.map((r) => [r.level, r]));
  return {
    items: HALL_LEVELS.flatMap((level) => {
      const halls = configured.get(level)?.halls ?? 0;
      const items = level === "district" ? (configured.get(level)?.items ?? 0) : catalog[level];
      return halls > 0 || items > 0 ? [{ level, halls, items }] : [];
    }),
  };
}
