import { Tooltip } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";

const INTEGER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const TWO = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A row count the way Chinese reports print it: 21.03 亿, 1,234 万, 3.50 万, 987. Cut, not rounded,
 * so a figure never reads more than it is ("超过 10 亿" must hold for what the page shows).
 */
export function formatChineseCount(n: number): string {
  const cut = (v: number) => Math.floor(v * 100) / 100;
  if (Math.abs(n) >= 1e8) {
    return `${TWO.format(cut(n / 1e8))} 亿`;
  }
  if (Math.abs(n) >= 1e6) {
    return `${INTEGER.format(Math.floor(n / 1e4))} 万`;
  }
  if (Math.abs(n) >= 1e4) {
    return `${TWO.format(cut(n / 1e4))} 万`;
  }
  return INTEGER.format(n);
}

/** The short figure, the exact one in its tooltip; a link to the records it sums when given one. */
export function Count({ value, to, unit = "行" }: { value: number; to?: string | undefined; unit?: string }) {
  const text = formatChineseCount(value);
  const exact = `${INTEGER.format(value)} ${unit}`;
  return (
    <Tooltip title={exact}>
      {to ? (
        <Link to={to} aria-label={`${text}（${exact}），查看明细`}>
          {text}
        </Link>
      ) : (
        <span>{text}</span>
      )}
    </Tooltip>
  );
}

/** A year's or a month's calendar days (Asia/Shanghai dates, inclusive), as both lists read them. */
export function daysOf(period: string): { from: string; to: string } {
  if (/^\d{4}$/.test(period)) {
    return { from: `${period}-01-01`, to: `${period}-12-31` };
  }
  const start = dayjs(`${period}-01`);
  return { from: start.format("YYYY-MM-DD"), to: start.endOf("month").format("YYYY-MM-DD") };
}

const query = (f: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1]))).toString();

/** Shared rows: the served calls of the exchange log over the period, for a provider or consumer unit. */
export function exchangeHref(period: string, unit?: { providerUnitId?: string; consumerUnitId?: string }): string {
  return `/data/exchange-log?${query({ ...unit, ...daysOf(period), outcome: "served" })}`;
}

/** Aggregated rows: the batches received over the period, for a provider unit. */
export function batchesHref(period: string, providerUnitId?: string): string {
  return `/data/statistics/batches?${query({ providerUnitId, ...daysOf(period) })}`;
}
