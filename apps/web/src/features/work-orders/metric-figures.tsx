import { Space, Tooltip, Typography } from "antd";
import type { CSSProperties } from "react";
import { Link } from "react-router-dom";
import type { MetricRow, WoMetricKey } from "../../../../../packages/contracts/src/work-orders.ts";
import { drillHref } from "./metrics-params.ts";
import { METRIC_LABELS } from "./work-order-labels.ts";

/** The rates, each with the counts it divides (numerator ÷ denominator). */
export const RATES = [
  { key: "onTimeAcceptRate", label: "按时签收率", num: "acceptOnTime", den: "acceptDue" },
  { key: "onTimeCloseRate", label: "按时办结率", num: "closeOnTime", den: "closeDue" },
  { key: "satisfactionRate", label: "满意率", num: "satisfied", den: "followedUp" },
  { key: "resolutionRate", label: "解决率", num: "resolved", den: "resolvedKnown" },
  { key: "redoRate", label: "重办率", num: "redo", den: "closed" },
] as const satisfies readonly { key: keyof MetricRow; label: string; num: WoMetricKey; den: WoMetricKey }[];
export type RateSpec = (typeof RATES)[number];

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

export function formatGrowth(rate: number | null): string {
  return rate === null ? "—" : `${rate > 0 ? "+" : ""}${(rate * 100).toFixed(1)}%`;
}

type CountProps = {
  filter: Record<string, string | undefined> | null;
  metric: WoMetricKey;
  count: number;
  style?: CSSProperties;
};

/** A count that opens the ticket list behind it; plain text when its group cannot be filtered. */
export function CountLink({ filter, metric, count, style }: CountProps) {
  const label = `${METRIC_LABELS[metric]} ${count} 件`;
  if (filter === null) {
    return (
      <Tooltip title="此分组无法按条件筛选">
        <span style={style}>{count}</span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={`查看${label}`}>
      <Link to={drillHref(filter, metric)} aria-label={label} style={style}>
        {count}
      </Link>
    </Tooltip>
  );
}

type RateProps = { row: MetricRow; spec: RateSpec; filter: Record<string, string | undefined> | null };

/** "93.5%" over "187 / 200": the percentage opens the denominator's tickets, each count its own. */
export function RateFigure({ row, spec, filter }: RateProps) {
  const rate = row[spec.key];
  return (
    <Space orientation="vertical" size={0}>
      {filter === null || rate === null ? (
        <span>{formatRate(rate)}</span>
      ) : (
        <Tooltip title={`查看计入${spec.label}的 ${row.counts[spec.den]} 件工单`}>
          <Link to={drillHref(filter, spec.den)}>{formatRate(rate)}</Link>
        </Tooltip>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <CountLink filter={filter} metric={spec.num} count={row.counts[spec.num]} /> /{" "}
        <CountLink filter={filter} metric={spec.den} count={row.counts[spec.den]} />
      </Typography.Text>
    </Space>
  );
}
