import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type MetricRow, MetricRowSchema, WO_METRIC_KEYS } from "../../../../../packages/contracts/src/work-orders.ts";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { WorkOrderMetricsPage } from "./work-order-metrics-page.tsx";

function row(key: string | null, label: string, volume: number, previousVolume: number): MetricRow {
  const counts = Object.fromEntries(WO_METRIC_KEYS.map((k) => [k, 0]));
  // Parsed by the contract, as the client will parse the answer.
  return MetricRowSchema.parse({
    key,
    label,
    counts: { ...counts, volume },
    previousVolume,
    yoyGrowth: previousVolume ? volume / previousVolume - 1 : null,
    onTimeAcceptRate: null,
    onTimeCloseRate: null,
    satisfactionRate: null,
    resolutionRate: null,
    redoRate: null,
  });
}

const TOTAL = row(null, "合计", 300, 150);
const MONTHS = [
  row("2022-01", "2022-01", 120, 60),
  row("2022-02", "2022-02", 80, 40),
  row("2022-03", "2022-03", 100, 50),
];

const PERIOD = "from=2022-01-01T00:00:00%2B08:00&to=2022-04-01T00:00:00%2B08:00";
const UNIT = "00000000-0000-4000-8000-0000000000c1";

describe("WorkOrderMetricsPage (工单统计)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("charts each month against last year from the page's own answer; a month's bar opens its tickets", async () => {
    const calls = mockApi({
      "GET /api/org/tree": () => ({ units: [] }),
      "GET /api/work-orders/metrics": () => ({ total: TOTAL, groups: MONTHS, formulas: {} }),
    });
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}&groupBy=month` });
    const figure = await screen.findByRole("figure", { name: /受理量同比：月份/ });
    const chart = chartIn(figure);
    await waitFor(() => expect(JSON.stringify(chart?.getOption())).toContain("3月"));
    // One metrics request for the figures, the table and the chart.
    expect(calls.filter((c) => c.call.startsWith("GET /api/work-orders/metrics")).length).toBe(1);
    clickDatum(chart, 0, 1);
    await waitFor(() =>
      expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "")).toBe(
        "/work-orders?metric=volume&from=2022-02-01T00:00:00+08:00&to=2022-03-01T00:00:00+08:00",
      ),
    );
  });

  it("ranks units by volume, opens a unit's tickets a year earlier, and switches to months", async () => {
    mockApi({
      "GET /api/org/tree": () => ({ units: [] }),
      "GET /api/work-orders/metrics": (url) => ({
        total: TOTAL,
        groups:
          url.searchParams.get("groupBy") === "month"
            ? MONTHS
            : [row("u0", "区城管局", 100, 50), row(UNIT, "新华街道", 200, 100)],
        formulas: {},
      }),
    });
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}` });
    fireEvent.click(await screen.findByText("表格"));
    const cells = await screen.findAllByRole("button", { name: /本期受理量/ });
    expect(cells.map((c) => c.getAttribute("aria-label"))).toEqual([
      "新华街道 本期受理量 200，点击查看对应工单",
      "区城管局 本期受理量 100，点击查看对应工单",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "新华街道 上年同期 100，点击查看对应工单" }));
    await waitFor(() =>
      expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "")).toBe(
        // Beijing's 1 January 2021 00:00, as the previous-year filter writes instants.
        `/work-orders?metric=volume&from=2020-12-31T16:00:00.000Z&to=2021-03-31T16:00:00.000Z&unitId=${UNIT}`,
      ),
    );
  });

  it("offers the monthly comparison from any other grouping", async () => {
    mockApi({
      "GET /api/org/tree": () => ({ units: [] }),
      "GET /api/work-orders/metrics": (url) => ({
        total: TOTAL,
        groups: url.searchParams.get("groupBy") === "month" ? MONTHS : [row(UNIT, "新华街道", 200, 100)],
        formulas: {},
      }),
    });
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}` });
    fireEvent.click(await screen.findByRole("button", { name: "看月度同比" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toContain("groupBy=month"));
    expect(await screen.findByRole("figure", { name: /受理量同比：月份/ })).toBeTruthy();
  });
});
