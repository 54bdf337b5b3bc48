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

describe("WorkOrderMetricsPage (工单统计)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("charts each month against last year; a month's bar opens that month's tickets", async () => {
    const calls = mockApi({
      "GET /api/org/tree": () => ({ units: [] }),
      "GET /api/work-orders/metrics": (url) => ({
        total: TOTAL,
        groups: url.searchParams.get("groupBy") === "month" ? MONTHS : [row("u1", "新华街道", 300, 150)],
        formulas: {},
      }),
    });
    renderPage(<WorkOrderMetricsPage />, {
      path: "/work-orders/metrics?from=2022-01-01T00:00:00%2B08:00&to=2022-04-01T00:00:00%2B08:00",
    });
    const figure = await screen.findByRole("figure", { name: /月度受理量（同比）/ });
    expect(calls.map((c) => c.call)).toContain(
      "GET /api/work-orders/metrics?from=2022-01-01T00%3A00%3A00%2B08%3A00&to=2022-04-01T00%3A00%3A00%2B08%3A00&groupBy=month",
    );
    const chart = chartIn(figure);
    // The months arrive in a query of their own.
    await waitFor(() => expect(JSON.stringify(chart?.getOption())).toContain("3月"));
    clickDatum(chart, 0, 1);
    await waitFor(() =>
      expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "")).toBe(
        "/work-orders?metric=volume&from=2022-02-01T00:00:00+08:00&to=2022-03-01T00:00:00+08:00",
      ),
    );
  });

  it("opens the same month a year earlier from last year's figure in the table view", async () => {
    mockApi({
      "GET /api/org/tree": () => ({ units: [] }),
      "GET /api/work-orders/metrics": () => ({ total: TOTAL, groups: MONTHS, formulas: {} }),
    });
    renderPage(<WorkOrderMetricsPage />, {
      path: "/work-orders/metrics?from=2022-01-01T00:00:00%2B08:00&to=2022-04-01T00:00:00%2B08:00&groupBy=month",
    });
    fireEvent.click(await screen.findByText("表格"));
    fireEvent.click(await screen.findByRole("button", { name: "3月 上年同期 50，点击查看该月工单" }));
    await waitFor(() =>
      expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "")).toBe(
        // Beijing's 1 March 2021 00:00, as the previous-year filter writes instants.
        "/work-orders?metric=volume&from=2021-02-28T16:00:00.000Z&to=2021-03-31T16:00:00.000Z",
      ),
    );
  });
});
