import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type MetricRow, MetricRowSchema, WO_METRIC_KEYS } from "../../../../../packages/contracts/src/work-orders.ts";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { WorkOrderMetricsPage } from "./work-order-metrics-page.tsx";

// ECharts loads as its own chunk: on a busy machine the first chart takes a while to appear.
const CHART_WAIT = { timeout: 10_000 };

function row(
  key: string | null,
  label: string,
  volume: number,
  previousVolume: number,
  rates: Partial<MetricRow> = {},
): MetricRow {
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
    ...rates,
  });
}

const TOTAL = row(null, "合计", 300, 150);
const MONTHS = [
  row("2022-01", "2022-01", 120, 60, { onTimeCloseRate: 0.9, satisfactionRate: 0.95 }),
  row("2022-02", "2022-02", 80, 40),
  row("2022-03", "2022-03", 100, 50),
];

const PERIOD = "from=2022-01-01T00:00:00%2B08:00&to=2022-04-01T00:00:00%2B08:00";
const UNIT = "00000000-0000-4000-8000-0000000000c1";
const TOWN = "00000000-0000-4000-8000-0000000000d1";

/** The metrics answer for each grouping the page and its charts ask for. */
function metricsRoutes() {
  const groups: Record<string, MetricRow[]> = {
    month: MONTHS,
    unit: [row("u0", "区城管局", 100, 50), row(UNIT, "新华街道", 200, 100)],
    town: [row(TOWN, "新华街道", 250, 90), row("t2", "花东镇", 50, 60)],
    category: [
      row("city_management", "城市管理", 40, 10),
      row("traffic", "交通出行", 260, 140),
      row(null, "（无）", 0, 0),
    ],
  };
  return {
    "GET /api/org/tree": () => ({ units: [] }),
    "GET /api/work-orders/metrics": (url: URL) => ({
      total: TOTAL,
      groups: groups[url.searchParams.get("groupBy") ?? "none"] ?? [],
      formulas: {},
    }),
  };
}

/** The card holding the chart of this title (its own 图表/表格 switch). */
async function card(title: string | RegExp): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: ".ant-card-head-title" }, CHART_WAIT);
  const el = heading.closest<HTMLElement>(".ant-card");
  if (!el) {
    throw new Error(`no card ${String(title)}`);
  }
  return el;
}

const location = () => decodeURIComponent(screen.getByTestId("location").textContent ?? "");

describe("WorkOrderMetricsPage (工单统计)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("charts each month against last year; the month grouping is asked once for page and charts", async () => {
    const calls = mockApi(metricsRoutes());
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}&groupBy=month` });
    const figure = await screen.findByRole("figure", { name: /受理量同比：月份/ }, CHART_WAIT);
    await waitFor(() => expect(JSON.stringify(chartIn(figure)?.getOption())).toContain("3月"));
    const chart = chartIn(figure);
    // The table's request serves the monthly charts too (one cache entry per grouping).
    expect(calls.filter((c) => c.call.includes("groupBy=month")).length).toBe(1);
    clickDatum(chart, 0, 1);
    await waitFor(() =>
      expect(location()).toBe("/work-orders?metric=volume&from=2022-02-01T00:00:00+08:00&to=2022-03-01T00:00:00+08:00"),
    );
  });

  it("draws the on-time and satisfaction trend; a point opens the tickets its rate divides", async () => {
    mockApi(metricsRoutes());
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}` });
    const trend = await card("按时率与满意率趋势");
    fireEvent.click(within(trend).getByText("表格"));
    fireEvent.click(await within(trend).findByRole("button", { name: /^1月 满意率 95\.0%/ }));
    await waitFor(() =>
      expect(location()).toBe(
        "/work-orders?metric=followedUp&from=2022-01-01T00:00:00+08:00&to=2022-02-01T00:00:00+08:00",
      ),
    );
  });

  it("ranks towns by volume; a town's bar opens its tickets", async () => {
    mockApi(metricsRoutes());
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}` });
    const towns = await card("镇街受理量排名");
    fireEvent.click(within(towns).getByText("表格"));
    const townCells = await within(towns).findAllByRole("button", { name: /本期受理量/ });
    expect(townCells.map((c) => c.getAttribute("aria-label"))).toEqual([
      "新华街道 本期受理量 250，点击查看对应工单",
      "花东镇 本期受理量 50，点击查看对应工单",
    ]);
    fireEvent.click(townCells[0] ?? document.body);
    await waitFor(() => expect(location()).toContain(`townId=${TOWN}`));
  });

  it("ranks units by volume and opens a unit's tickets a year earlier", async () => {
    mockApi(metricsRoutes());
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}` });
    const units = await card(/承办单位受理量排名/);
    fireEvent.click(within(units).getByText("表格"));
    const cells = await within(units).findAllByRole("button", { name: /本期受理量/ });
    expect(cells.map((c) => c.getAttribute("aria-label"))).toEqual([
      "新华街道 本期受理量 200，点击查看对应工单",
      "区城管局 本期受理量 100，点击查看对应工单",
    ]);
    fireEvent.click(within(units).getByRole("button", { name: "新华街道 上年同期 100，点击查看对应工单" }));
    await waitFor(() =>
      expect(location()).toBe(
        // Beijing's 1 January 2021 00:00, as the previous-year filter writes instants.
        `/work-orders?metric=volume&from=2020-12-31T16:00:00.000Z&to=2021-03-31T16:00:00.000Z&unitId=${UNIT}`,
      ),
    );
  });

  it("shows the categories as a treemap, largest first; a block opens that category's tickets", async () => {
    mockApi(metricsRoutes());
    renderPage(<WorkOrderMetricsPage />, { path: `/work-orders/metrics?${PERIOD}` });
    const figure = await screen.findByRole("figure", { name: /诉求分类分布/ }, CHART_WAIT);
    await waitFor(() => expect(JSON.stringify(chartIn(figure)?.getOption())).toContain("交通出行"));
    const chart = chartIn(figure);
    // Node 0 is the tree's root; node 1 the largest category.
    clickDatum(chart, 0, 1);
    await waitFor(() => expect(location()).toContain("category=traffic"));
    expect(location()).toContain("metric=volume");
    const treemap = await card("诉求分类分布");
    fireEvent.click(within(treemap).getByText("表格"));
    expect(
      within(treemap)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-label")),
    ).toContain("城市管理 受理量 40，点击查看该分类工单");
    // The uncategorised row cannot be filtered and is not drawn.
    expect(within(treemap).queryByText("（无）")).toBeNull();
  });
});
