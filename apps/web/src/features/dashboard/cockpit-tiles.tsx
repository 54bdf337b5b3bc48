import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { Cockpit } from "../../../../../packages/contracts/src/cockpit.ts";
import { formatChartValue } from "../../shared/chart-format.ts";
import { cockpitLinks } from "./cockpit-links.ts";

export type TileSpec = {
  key: string;
  title: string;
  value: string;
  /** What the figure is measured against, or a second figure. */
  note: ReactNode;
  to: string;
  tone?: "alert" | "normal";
};

const count = (n: number) => formatChartValue(n, "count");
const pct = (r: number | null) => formatChartValue(r, "percent");

/** "比去年同月 +1.2 个百分点", computed from the two rates; nothing when either is missing. */
export function pointsAgainst(now: number | null, before: number | null): string {
  if (now === null || before === null) {
    return `去年同月 ${pct(before)}`;
  }
  const diff = (now - before) * 100;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  return `去年同月 ${pct(before)}（${sign}${Math.abs(diff).toFixed(1)} 个百分点）`;
}

/** The tiles the reader may see (a module the reader may not read has no tile), in reading order. */
export function cockpitTiles(c: Cockpit): TileSpec[] {
  const tiles: TileSpec[] = [];
  const wo = c.workOrders;
  if (wo) {
    tiles.push({
      key: "calls",
      title: "今日热线来电",
      value: count(wo.today),
      note: `${c.today} 受理的 12345 热线工单`,
      to: cockpitLinks.callsToday(c.today),
    });
    tiles.push({
      key: "year",
      title: `${c.year} 年 12345 热线工单`,
      value: count(wo.year),
      note: `上年同期 ${count(wo.previousYear)}，同比 ${wo.yoyGrowth === null ? "—" : `${wo.yoyGrowth >= 0 ? "+" : ""}${(wo.yoyGrowth * 100).toFixed(1)}%`}`,
      to: cockpitLinks.yearMetrics(c.year),
    });
  }
  if (c.backlog) {
    tiles.push({
      key: "open",
      title: "在办工单",
      value: count(c.backlog.open),
      note: "尚未办结",
      to: cockpitLinks.open(),
    });
    tiles.push({
      key: "overdue",
      title: "超期工单",
      value: count(c.backlog.overdue),
      note: `占在办 ${pct(c.backlog.open > 0 ? c.backlog.overdue / c.backlog.open : null)}`,
      to: cockpitLinks.overdue(),
      tone: c.backlog.overdue > 0 ? "alert" : "normal",
    });
  }
  if (wo) {
    tiles.push({
      key: "onTime",
      title: "本月热线按时办结率",
      value: pct(wo.month.onTimeCloseRate),
      note: pointsAgainst(wo.month.onTimeCloseRate, wo.month.lastYear.onTimeCloseRate),
      to: cockpitLinks.monthMetrics(wo.month),
    });
    tiles.push({
      key: "satisfaction",
      title: "本月热线满意率",
      value: pct(wo.month.satisfactionRate),
      note: pointsAgainst(wo.month.satisfactionRate, wo.month.lastYear.satisfactionRate),
      to: cockpitLinks.monthMetrics(wo.month),
    });
  }
  if (c.hall) {
    tiles.push({
      key: "visitors",
      title: "今日大厅来访",
      value: count(c.hall.todayVisitors),
      note: `办结 ${count(c.hall.todayCases)} 件`,
      to: cockpitLinks.hallToday(c.today),
    });
    tiles.push({
      key: "queue",
      title: "当前排队",
      value: count(c.hall.waitingNow),
      note: "各大厅候叫人数",
      to: cockpitLinks.hallToday(c.today),
    });
    tiles.push({
      key: "bookings",
      title: "今日预约",
      value: count(c.hall.bookingsToday),
      note: "预约到今日的号",
      to: cockpitLinks.hallToday(c.today),
    });
  }
  if (c.ratings) {
    tiles.push({
      key: "bad",
      title: "差评待整改",
      value: count(c.ratings.badOpen),
      note: `本年差评 ${count(c.ratings.bad)}，已整改 ${count(c.ratings.rectified)}`,
      to: cockpitLinks.badRatings(c.year),
      tone: c.ratings.badOpen > 0 ? "alert" : "normal",
    });
    tiles.push({
      key: "good",
      title: "本年好评率",
      value: pct(c.ratings.goodRate),
      note: `有效评价 ${count(c.ratings.ratings)} 条`,
      to: cockpitLinks.ratings(c.year),
    });
  }
  if (c.budget) {
    tiles.push({
      key: "budget",
      title: `${c.budget.year} 年预算执行率`,
      value: pct(c.budget.executionRate),
      note: `绩效指标达成 ${c.budget.indicatorsMet}/${c.budget.indicators}`,
      to: cockpitLinks.budget(c.budget.year),
    });
  }
  return tiles;
}

export const DARK = {
  panel: "rgba(22, 40, 74, 0.72)",
  border: "rgba(64, 158, 255, 0.35)",
  accent: "#4fc3ff",
  alert: "#ff6b6b",
  muted: "rgba(255, 255, 255, 0.65)",
};

export function StatTile({ tile }: { tile: TileSpec }) {
  return (
    <Link
      to={tile.to}
      aria-label={`${tile.title} ${tile.value}，查看清单`}
      style={{
        background: DARK.panel,
        border: `1px solid ${DARK.border}`,
        borderRadius: 6,
        padding: "1.2vh 1vw",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        minHeight: 0,
        overflow: "hidden",
        color: "#fff",
      }}
    >
      <span style={{ fontSize: "clamp(12px, 1.7vh, 22px)", color: DARK.muted }}>{tile.title}</span>
      <span
        style={{
          fontSize: "clamp(24px, 5vh, 64px)",
          fontWeight: 700,
          lineHeight: 1.1,
          color: tile.tone === "alert" ? DARK.alert : DARK.accent,
          fontVariantNumeric: "tabular-nums",
        }}
      >
        {tile.value}
      </span>
      <span style={{ fontSize: "clamp(11px, 1.4vh, 18px)", color: DARK.muted }}>{tile.note}</span>
    </Link>
  );
}
