import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { type ApiRoutes, mockApi, renderPage } from "../../../test/render.tsx";
import { HallMetricsPage } from "./hall-metrics-page.tsx";

// ECharts loads as its own chunk: on a busy machine the first chart takes a while to appear.
const CHART_WAIT = { timeout: 10_000 };

const HALL = "00000000-0000-4000-8000-0000000000a1";
const GROUP = "00000000-0000-4000-8000-0000000000b1";
const row = (key: string | null, label: string, visitors: number) => ({
  key,
  label,
  visitors,
  cases: 0,
  bookings: 0,
  noShows: 0,
  noShowRate: null,
  avgWaitSeconds: 330,
  p90WaitSeconds: null,
  avgServiceSeconds: null,
  p90ServiceSeconds: null,
});

const WAIT = { avgWaitSeconds: 300, p90WaitSeconds: 900 };

/** The page's figures by hall, its calendar by day, and the waits by hour and window group. */
function routes(): ApiRoutes {
  return {
    "GET /api/appointments/metrics": (url) => ({
      total: row(null, "合计", 1234),
      groups:
        url.searchParams.get("groupBy") === "day"
          ? [row("2022-03-01", "2022-03-01", 1000), row("2022-03-02", "2022-03-02", 234)]
          : [row(HALL, "区政务服务中心", 1234)],
      formulas: {},
    }),
    "GET /api/appointments/metrics/waits": () => ({
      byHour: [
        { hour: 9, cases: 700, ...WAIT },
        { hour: 11, cases: 534, avgWaitSeconds: 150, p90WaitSeconds: 600 },
      ],
      byGroup: [{ groupId: GROUP, label: "区政务服务中心 · 综合受理", cases: 1234, ...WAIT }],
    }),
    "GET /api/appointments/bookable-items": () => ({ items: [{ level: "district", halls: 1, items: 873 }] }),
    "GET /api/appointments/tickets": () => ({ items: [], total: 0 }),
    "GET /api/appointments/cases": () => ({ items: [], total: 0 }),
  };
}

async function card(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: ".ant-card-head-title" }, CHART_WAIT);
  const el = heading.closest<HTMLElement>(".ant-card");
  if (!el) {
    throw new Error(`no card ${title}`);
  }
  return el;
}

const PAGE = "/hall/metrics?from=2022-01-01&to=2022-12-31";

/** The charts are folded until the reader opens them (their aggregates are the page's slowest). */
function openCharts() {
  fireEvent.click(screen.getByText(/^图表：/));
}

describe("HallMetricsPage (大厅统计)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("opens the visitors behind a hall's figure, paged on the server", async () => {
    const calls = mockApi(routes());
    renderPage(<HallMetricsPage />, { path: PAGE });
    expect(await screen.findByText("区政务服务中心")).toBeTruthy();
    expect(screen.getAllByText("5分30秒").length).toBeGreaterThan(0);
    fireEvent.click(screen.getAllByRole("button", { name: "1,234" })[1] ?? document.body);
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        `GET /api/appointments/tickets?from=2022-01-01&to=2022-12-31&hallId=${HALL}&page=1&pageSize=20`,
      ),
    );
    expect(await screen.findByText("区政务服务中心 · 来访")).toBeTruthy();
  });

  it("draws visitors by day as a calendar; a day's cell opens that day's tickets", async () => {
    const calls = mockApi(routes());
    renderPage(<HallMetricsPage />, { path: PAGE });
    openCharts();
    const figure = await screen.findByRole("figure", { name: /每日来访人次/ }, CHART_WAIT);
    await waitFor(() => expect(JSON.stringify(chartIn(figure)?.getOption())).toContain("2022-03-02"));
    const chart = chartIn(figure);
    clickDatum(chart, 0, 1);
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        "GET /api/appointments/tickets?from=2022-03-02&to=2022-03-02&page=1&pageSize=20",
      ),
    );
    expect(await screen.findByText("3月2日周三 · 来访")).toBeTruthy();
  });

  it("charts waits by hour (gaps kept) and P90 by window group, each opening its cases", async () => {
    const calls = mockApi(routes());
    renderPage(<HallMetricsPage />, { path: PAGE });
    openCharts();
    const hours = await card("各时段等候时长（按取号时间）");
    fireEvent.click(within(hours).getByText("表格"));
    // 10:00 had no cases: it shows, with nothing to open.
    expect(await within(hours).findByText("10:00")).toBeTruthy();
    fireEvent.click(await within(hours).findByRole("button", { name: /^11:00 平均等候（分钟） 2.5，/ }));
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        "GET /api/appointments/cases?from=2022-01-01&to=2022-12-31&hour=11&page=1&pageSize=20",
      ),
    );
    const groups = await card("各窗口组 P90 等候时长");
    fireEvent.click(within(groups).getByText("表格"));
    fireEvent.click(
      within(groups).getByRole("button", {
        name: "区政务服务中心 · 综合受理 P90 等候（分钟） 15，点击查看该窗口组的办件",
      }),
    );
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        `GET /api/appointments/cases?from=2022-01-01&to=2022-12-31&groupId=${GROUP}&page=1&pageSize=20`,
      ),
    );
  });
});
