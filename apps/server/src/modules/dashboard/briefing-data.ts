import type { BriefingFigure, BriefingKind, BriefingTable } from "../../../../../packages/contracts/src/briefings.ts";
import type { Action } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { formatRate } from "../../platform/documents/number-format.ts";
import {
  type AppealSlice,
  categoryCountsSql,
  categoryPeriodCountsSql,
  countTickets,
  countTicketsSql,
  hotSpotsSql,
  periodCounts,
  repeatCallersSql,
  termCountsSql,
  termPeriodCountsSql,
} from "../work-orders/appeal-counts.repo.ts";
import {
  dailyCounts,
  dailyCountsSql,
  sqlText,
  townCounts,
  townCountsSql,
  unitCounts,
  unitCountsSql,
} from "../work-orders/briefing-counts.repo.ts";
import {
  appealPeriod,
  appealSlice,
  DAY_MS,
  dayOf,
  getHotSpots,
  getHotTopics,
  getRepeatCallers,
  midnight,
  REPEAT_MIN,
  RISING,
  scoreRising,
} from "./appeals.service.ts";

/** The period briefed and the one it is compared with, as instants and as Shanghai days. */
export type BriefingSpan = {
  kind: BriefingKind;
  from: Date;
  to: Date;
  prevFrom: Date;
  days: number;
  fromDay: string;
  toDay: string;
  prevFromDay: string;
  prevToDay: string;
};

export type BriefingData = {
  span: BriefingSpan;
  figures: Record<string, BriefingFigure>;
  tables: Record<string, BriefingTable>;
  warnings: string[];
};

/** Rising topics are tested only on periods up to a month: eight trailing years of a year say little. */
export const RISING_MAX_DAYS = 31;
export const HOT_SPOT_MIN = 5;
const TOP_TERMS = 10;
const TOP_UNITS = 15;

const addDays = (day: string, n: number) => dayOf(new Date(midnight(day).getTime() + n * DAY_MS));
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Weekly (Monday to Sunday), monthly (a calendar month) or any other span. @throws validation */
export function briefingSpan(q: { from: string; to: string }): BriefingSpan {
  const { from, to } = appealPeriod(q);
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  const monthly = q.from.endsWith("-01") && addDays(q.to, 1).endsWith("-01") && q.from.slice(0, 7) === q.to.slice(0, 7);
  const kind: BriefingKind = monthly ? "monthly" : days === 7 && weekdayOf(q.from) === 1 ? "weekly" : "period";
  const prevFromDay = monthly ? `${addDays(q.from, -1).slice(0, 7)}-01` : addDays(q.from, -days);
  return {
    kind,
    from,
    to,
    prevFrom: midnight(prevFromDay),
    days,
    fromDay: q.from,
    toDay: q.to,
    prevFromDay,
    prevToDay: addDays(q.from, -1),
  };
}

const count = (label: string, value: number, definition: string, sql: string): BriefingFigure => ({
  label,
  value,
  unit: "件",
  definition,
  sql,
});
const share = (n: number, total: number) => (total > 0 ? formatRate(n / total) : "—");

/** Every number of the briefing, computed now over the tickets the reader may see (`act`'s scope). */
export async function collectBriefing(ctx: Ctx, span: BriefingSpan, act: Action): Promise<BriefingData> {
  const period = { from: span.fromDay, to: span.toDay };
  const cur = await appealSlice(ctx, {}, span.from, span.to, act);
  const both: AppealSlice = { ...cur, from: span.prevFrom };
  const prev: AppealSlice = { ...cur, from: span.prevFrom, to: span.from };
  const figures: Record<string, BriefingFigure> = {};
  const tables: Record<string, BriefingTable> = {};
  const warnings: string[] = [];

  const tickets = await countTickets(ctx.db, cur);
  const prevTickets = await countTickets(ctx.db, prev);
  figures.tickets = count(
    "本期受理工单",
    tickets,
    `${span.fromDay} 至 ${span.toDay}（北京时间）受理的工单数`,
    sqlText(countTicketsSql(cur)),
  );
  figures.previousTickets = count(
    "上期受理工单",
    prevTickets,
    `${span.prevFromDay} 至 ${span.prevToDay} 受理的工单数`,
    sqlText(countTicketsSql(prev)),
  );
  if (prevTickets > 0) {
    figures.change = {
      label: "工单量环比变化",
      value: Math.round(((tickets - prevTickets) / prevTickets) * 10000) / 100,
      unit: "%",
      definition: `（本期 ${tickets} − 上期 ${prevTickets}）÷ 上期 ${prevTickets}`,
      sql: `${figures.tickets.sql}; ${figures.previousTickets.sql}`,
    };
  }
  if (tickets === 0) {
    warnings.push(`${span.fromDay} 至 ${span.toDay} 在您的范围内没有受理工单，各项分析为空`);
  }

  const daily = await dailyCounts(ctx.db, both);
  const byDay = new Map(daily.map((r) => [r.day, Number(r.n)]));
  const prevDays = Math.round((span.from.getTime() - span.prevFrom.getTime()) / DAY_MS);
  tables.daily = {
    label: "每日受理量（本期与上期）",
    columns: ["日序", "本期日期", "本期件数", "上期日期", "上期件数"],
    rows: Array.from({ length: Math.max(span.days, prevDays) }, (_, i) => {
      const day = i < span.days ? addDays(span.fromDay, i) : "";
      const prevDay = i < prevDays ? addDays(span.prevFromDay, i) : "";
      return [i + 1, day, day ? (byDay.get(day) ?? 0) : "", prevDay, prevDay ? (byDay.get(prevDay) ?? 0) : ""];
    }),
    definition: "按受理时间（北京时间）的日期计数，本期与上期按日序对齐",
    sql: [sqlText(dailyCountsSql(both))],
  };

  const hot = await getHotTopics(ctx, { ...period, limit: TOP_TERMS }, act);
  tables.terms = {
    label: "热点主题词",
    columns: ["主题词", "件数", "占本期工单"],
    rows: hot.terms.map((t) => [t.term, t.count, share(t.count, tickets)]),
    definition: `按工单主题词（标题与内容分词，去除停用词与地名）计数，取前 ${TOP_TERMS}；一件工单可有多个主题词`,
    sql: [sqlText(termCountsSql(cur, TOP_TERMS))],
  };
  tables.categories = {
    label: "诉求类别",
    columns: ["类别", "件数", "占本期工单"],
    rows: hot.categories.map((c) => [c.label, c.count, share(c.count, tickets)]),
    definition: "按工单类别计数",
    sql: [sqlText(categoryCountsSql(cur))],
  };

  await collectRising(ctx, span, cur, figures, tables, warnings);

  // Clusters and repeat calls are "within 30 days": a week's briefing looks at the 30 days it ends.
  const recentDay = span.days < 30 ? addDays(span.toDay, -29) : span.fromDay;
  const recentPeriod = { from: recentDay, to: span.toDay };
  const recent: AppealSlice = { ...cur, from: midnight(recentDay) };
  const within = span.days < 30 ? `（${recentDay} 至 ${span.toDay}，截至期末 30 天）` : "";
  const spots = await getHotSpots(ctx, { ...recentPeriod, minCount: HOT_SPOT_MIN }, act);
  figures.hotSpots = {
    label: "诉求聚集点",
    value: spots.spots.length,
    unit: "个",
    definition: `${spots.method}${within}`,
    sql: sqlText(hotSpotsSql(recent, HOT_SPOT_MIN)),
  };
  tables.hotSpots = {
    label: `诉求聚集点（村、社区）${within}`,
    columns: ["镇（街）", "村（社区）", "主题词", "件数", "30 天窗口"],
    rows: spots.spots.map((s) => [s.town, s.community, s.term, s.count, `${s.from} 至 ${s.to}`]),
    definition: figures.hotSpots.definition,
    sql: [figures.hotSpots.sql],
  };

  const callers = await getRepeatCallers(ctx, recentPeriod, act);
  figures.repeatCallers = {
    label: "重复来电号码",
    value: callers.callers.length,
    unit: "个",
    definition: `${callers.method}${within}`,
    sql: sqlText(repeatCallersSql(recent, REPEAT_MIN)),
  };
  tables.repeatCallers = {
    label: `重复来电（号码已脱敏）${within}`,
    columns: ["来电号码", "件数", "30 天窗口"],
    rows: callers.callers.map((c) => [c.phone, c.count, `${c.from} 至 ${c.to}`]),
    definition: figures.repeatCallers.definition,
    sql: [figures.repeatCallers.sql],
  };

  const towns = await townCounts(ctx.db, both, span.from);
  tables.towns = {
    label: "各镇（街）受理量",
    columns: ["镇（街）", "本期件数", "上期件数", "环比"],
    rows: towns.map((t) => [t.name, Number(t.n), Number(t.prev), change(Number(t.n), Number(t.prev))]),
    definition: "按工单所属镇（街）计数，本期与上期；环比 =（本期 − 上期）÷ 上期",
    sql: [sqlText(townCountsSql(both, span.from))],
  };
  const units = await unitCounts(ctx.db, both, span.from, TOP_UNITS);
  tables.units = {
    label: "承办单位受理量（前 15）",
    columns: ["承办单位", "本期件数", "上期件数"],
    rows: units.map((u) => [u.name, Number(u.n), Number(u.prev)]),
    definition: `按工单当前承办单位计数，取本期件数最多的 ${TOP_UNITS} 个`,
    sql: [sqlText(unitCountsSql(both, span.from, TOP_UNITS))],
  };
  return { span, figures, tables, warnings };
}

function change(n: number, prev: number): string {
  if (prev === 0) {
    return n === 0 ? "—" : "新增";
  }
  const r = (n - prev) / prev;
  return `${r > 0 ? "+" : ""}${formatRate(r)}`;
}

/** The statistic as the briefing states it, for periods of `days` days. */
export function risingMethod(days: number): string {
  const unit = days === 7 ? "周" : `个等长期间（各 ${days} 天）`;
  return (
    `泊松检验：以前 ${RISING.weeks} ${unit}的平均件数 λ 为基线（不足 ${RISING.floor} 时按 ${RISING.floor} 计），` +
    `本期件数 x 满足 x ≥ ${RISING.minCount}、x > λ 且 P(X ≥ x) < ${RISING.pValue} 时记为上升`
  );
}

async function collectRising(
  ctx: Ctx,
  span: BriefingSpan,
  cur: AppealSlice,
  figures: Record<string, BriefingFigure>,
  tables: Record<string, BriefingTable>,
  warnings: string[],
): Promise<void> {
  if (span.days > RISING_MAX_DAYS) {
    warnings.push(`期间超过 ${RISING_MAX_DAYS} 天，不做上升话题检验（请按周或按月生成简报）`);
    return;
  }
  // Eight trailing periods of the same length, then this one (period number 8).
  const s: AppealSlice = { ...cur, from: new Date(span.from.getTime() - RISING.weeks * span.days * DAY_MS) };
  const { terms, categories } = await periodCounts(ctx.db, s, span.days);
  const rising = scoreRising(terms, categories).slice(0, 20);
  const sql = [sqlText(termPeriodCountsSql(s, span.days)), sqlText(categoryPeriodCountsSql(s, span.days))];
  figures.risingTopics = {
    label: "上升话题",
    value: rising.length,
    unit: "个",
    definition: risingMethod(span.days),
    sql: sql.join("; "),
  };
  tables.rising = {
    label: "上升话题",
    columns: ["类型", "主题", "本期件数", `前 ${RISING.weeks} 期件数`, "基线 λ", "P(X ≥ x)"],
    rows: rising.map((r) => [
      r.kind === "term" ? "主题词" : "类别",
      r.label,
      r.count,
      r.history.join("、"),
      r.baseline,
      r.pValue.toExponential(2),
    ]),
    definition: risingMethod(span.days),
    sql,
  };
}
