import { formatPattern } from "./format.ts";

const INTEGER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });
// Axis ticks read as 1万, 2.5万 the way Chinese reports print large counts.
const COMPACT = new Intl.NumberFormat("zh-CN", { notation: "compact", maximumFractionDigits: 1 });

export type ValueFormat = "count" | "decimal" | "percent";

/** A value as shown in tooltips and the table view: 12,345 / 12.35 / 98.6%; "—" when missing. */
export function formatChartValue(value: number | null | undefined, format: ValueFormat): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return "—";
  }
  switch (format) {
    case "count":
      return INTEGER.format(value);
    case "decimal":
      return DECIMAL.format(value);
    case "percent":
      return `${(value * 100).toFixed(1)}%`;
  }
}

/** A value-axis tick: short (万) for counts, whole percents for rates. */
export function formatAxisValue(value: number, format: ValueFormat): string {
  if (format === "percent") {
    return `${Math.round(value * 100)}%`;
  }
  return Math.abs(value) >= 10_000 ? COMPACT.format(value) : INTEGER.format(value);
}

/** "2022-03" → "3月" (with the year when asked): month keys come from the server in Beijing time. */
export function formatMonthKey(key: string, withYear = false): string {
  const [y, m] = key.split("-");
  const month = `${Number(m)}月`;
  return withYear ? `${y}年${month}` : month;
}

/** An instant on a chart axis, in Asia/Shanghai whatever the browser's zone. */
export function formatChartDate(iso: string, unit: "day" | "month" | "hour"): string {
  const pattern = unit === "day" ? "M月D日" : unit === "month" ? "YYYY年M月" : "HH:mm";
  return formatPattern(iso, pattern);
}
