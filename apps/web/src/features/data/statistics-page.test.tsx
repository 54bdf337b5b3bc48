import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { formatChineseCount } from "./data-figures.tsx";
import { OFFICER, UNIT_A, UNIT_B } from "./data-test-fixtures.ts";
import { StatisticsPage } from "./statistics-page.tsx";

// ECharts loads as its own chunk: on a busy machine the first chart takes a while to appear.
const CHART_WAIT = { timeout: 10_000 };

const month = (i: number, rows: number, count: number) => ({
  month: `2022-${String(i + 1).padStart(2, "0")}`,
  rows,
  count,
});
const STATS = {
  year: 2022,
  aggregated: {
    rows: 2_103_456_789,
    batches: 12,
    byProvider: [
      { unitId: UNIT_B, name: "区市场监管局", rows: 2_100_000_000, count: 10 },
      { unitId: UNIT_A, name: "新华街道", rows: 3_456_789, count: 2 },
    ],
    byMonth: Array.from({ length: 12 }, (_, i) => month(i, i === 9 ? 2_103_456_789 : 0, i === 9 ? 12 : 0)),
  },
  shared: {
    rows: 1_012_345_678,
    calls: 340,
    byProvider: [{ unitId: UNIT_B, name: "区市场监管局", rows: 1_012_345_678, count: 340 }],
    byConsumer: [{ unitId: UNIT_A, name: "新华街道", rows: 12_345, count: 3 }],
    byMonth: Array.from({ length: 12 }, (_, i) => month(i, i === 10 ? 1_012_345_678 : 0, i === 10 ? 340 : 0)),
  },
};

describe("formatChineseCount", () => {
  it("prints 亿 and 万 the way Chinese reports do, never more than the figure", () => {
    expect(formatChineseCount(2_103_456_789)).toBe("21.03 亿");
    expect(formatChineseCount(1_049_999_999)).toBe("10.49 亿");
    expect(formatChineseCount(12_345_678)).toBe("1,234 万");
    expect(formatChineseCount(35_000)).toBe("3.50 万");
    expect(formatChineseCount(987)).toBe("987");
    expect(formatChineseCount(0)).toBe("0");
  });
});

describe("StatisticsPage (数据统计)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the year's totals in 亿 with the exact figure, and every figure opens its records", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/statistics": () => STATS,
    });
    renderPage(<StatisticsPage />, { path: "/data/statistics?year=2022", me: OFFICER });
    const aggregated = await screen.findByRole("link", { name: "21.03 亿（2,103,456,789 行），查看明细" });
    expect(calls.map((c) => c.call)).toContain("GET /api/data/statistics?year=2022");
    expect(screen.getByText("汇聚数据量为各批次接收入库行数之和（含仅登记的同步批次）", { exact: false })).toBeTruthy();
    expect(aggregated.getAttribute("href")).toBe("/data/statistics/batches?from=2022-01-01&to=2022-12-31");
    const [shared] = screen.getAllByRole("link", { name: "10.12 亿（1,012,345,678 行），查看明细" });
    expect(shared?.getAttribute("href")).toBe("/data/exchange-log?from=2022-01-01&to=2022-12-31&outcome=served");
    // By provider: its batches and the calls served from its resources; by consumer: the calls it made.
    expect(screen.getByRole("link", { name: "21.00 亿（2,100,000,000 行），查看明细" }).getAttribute("href")).toBe(
      `/data/statistics/batches?providerUnitId=${UNIT_B}&from=2022-01-01&to=2022-12-31`,
    );
    expect(
      screen.getAllByRole("link", { name: "10.12 亿（1,012,345,678 行），查看明细" })[1]?.getAttribute("href"),
    ).toBe(`/data/exchange-log?providerUnitId=${UNIT_B}&from=2022-01-01&to=2022-12-31&outcome=served`);
    expect(screen.getByRole("link", { name: "1.23 万（12,345 行），查看明细" }).getAttribute("href")).toBe(
      `/data/exchange-log?consumerUnitId=${UNIT_A}&from=2022-01-01&to=2022-12-31&outcome=served`,
    );
    // The exact figure in the tooltip.
    fireEvent.mouseEnter(aggregated);
    expect(await screen.findByRole("tooltip")).toBeTruthy();
  });

  it("a month's bar opens that month's batches, its line point that month's served calls", async () => {
    mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/statistics": () => STATS,
    });
    renderPage(<StatisticsPage />, { path: "/data/statistics?year=2022", me: OFFICER });
    const figure = await screen.findByRole("figure", { name: /各月汇聚与共享数据量/ }, CHART_WAIT);
    await waitFor(() => expect(chartIn(figure)).toBeTruthy(), CHART_WAIT);
    clickDatum(chartIn(figure), 0, 9);
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe("/data/statistics/batches?from=2022-10-01&to=2022-10-31"),
    );
  });

  it("defaults to the current year", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/statistics": (url) => ({ ...STATS, year: Number(url.searchParams.get("year")) }),
    });
    renderPage(<StatisticsPage />, { path: "/data/statistics", me: OFFICER });
    await waitFor(() => expect(calls.some((c) => c.call.startsWith("GET /api/data/statistics?year="))).toBe(true));
    const asked = calls.find((c) => c.call.startsWith("GET /api/data/statistics"))?.call ?? "";
    expect(Number(asked.split("year=")[1])).toBeGreaterThanOrEqual(2026);
  });
});
