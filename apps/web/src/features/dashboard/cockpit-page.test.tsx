import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Cockpit, CockpitSchema } from "../../../../../packages/contracts/src/cockpit.ts";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { CockpitPage } from "./cockpit-page.tsx";

const TOWN = "00000000-0000-4000-8000-0000000000d1";
const ME = { ...TEST_ME, menu: [...TEST_ME.menu, "cockpit" as const] };

function cockpit(overrides: Partial<Cockpit> = {}): Cockpit {
  return CockpitSchema.parse({
    year: 2022,
    today: "2022-06-15",
    computedAt: "2022-06-15T02:00:05Z",
    maxAgeSeconds: 30,
    workOrders: {
      today: 512,
      year: 90_000,
      previousYear: 45_000,
      yoyGrowth: 1,
      onTimeCloseRate: 0.98,
      satisfactionRate: 0.95,
      month: {
        from: "2022-06-01T00:00:00+08:00",
        to: "2022-07-01T00:00:00+08:00",
        onTimeCloseRate: 0.9,
        satisfactionRate: 0.8,
        lastYear: {
          from: "2021-06-01T00:00:00+08:00",
          to: "2021-07-01T00:00:00+08:00",
          onTimeCloseRate: 0.85,
          satisfactionRate: 0.82,
        },
      },
    },
    backlog: { open: 400, overdue: 37 },
    towns: {
      measure: "overdueShare",
      items: [{ id: TOWN, name: "新华街道", open: 40, overdue: 5, overdueShare: 0.125 }],
    },
    hall: { todayVisitors: 1800, todayCases: 1500, yearVisitors: 1, yearCases: 1, waitingNow: 23, bookingsToday: 310 },
    ratings: { ratings: 100, goodRate: 0.99, bad: 9, rectified: 6, badOpen: 3, onTimeRectificationRate: 0.5 },
    budget: { year: 2022, executionRate: 0.75, indicators: 10, indicatorsMet: 8 },
    appeals: {
      weekStart: "2022-06-13",
      method: "泊松检验：以前 8 周的周均值 λ 为基线",
      rising: [{ kind: "category", key: "complaint", label: "投诉", count: 44 }],
    },
    ...overrides,
  });
}

const href = (name: RegExp) => decodeURIComponent(screen.getByRole("link", { name }).getAttribute("href") ?? "");

describe("CockpitPage (领导驾驶舱)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows each tile from the summary and opens its list in the normal UI", async () => {
    mockApi({ "GET /api/auth/me": () => ME, "GET /api/dashboard/cockpit": () => cockpit() });
    renderPage(<CockpitPage />, { path: "/cockpit", me: ME });
    expect(await screen.findByRole("link", { name: "超期工单 37，查看清单" })).toBeTruthy();
    expect(href(/^超期工单/)).toBe("/work-orders?queue=overdue");
    expect(href(/^今日热线来电 512/)).toBe(
      "/work-orders?queue=all&kind=hotline&from=2022-06-15T00:00:00+08:00&to=2022-06-16T00:00:00+08:00",
    );
    expect(href(/^在办工单 400/)).toContain("status=received,dispatched");
    expect(href(/^差评待整改 3/)).toBe(
      "/ratings?metric=bad&from=2022-01-01T00:00:00+08:00&to=2023-01-01T00:00:00+08:00",
    );
    expect(href(/^2022 年预算执行率 75.0%/)).toBe("/budget/2022");
    expect(href(/^当前排队 23/)).toBe("/hall/metrics?from=2022-06-15&to=2022-06-15");
    // The month against the same month last year, as computed from the two rates.
    expect(screen.getByText("去年同月 85.0%（+5.0 个百分点）")).toBeTruthy();
    expect(screen.getByText("去年同月 82.0%（−2.0 个百分点）")).toBeTruthy();
    // The tile map says what it is, and a town opens its overdue tickets.
    expect(screen.getByText(/示意图，非地理边界/)).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: /^新华街道：在办 40 件，超期 5 件，超期占比 12.5%/ }));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe(`/work-orders?queue=overdue&townId=${TOWN}`),
    );
  });

  it("polls the summary as often as the server says it recomputes", async () => {
    let n = 0;
    const calls = mockApi({
      "GET /api/auth/me": () => ME,
      "GET /api/dashboard/cockpit": () => {
        n += 1;
        return cockpit({ maxAgeSeconds: 1, backlog: { open: 400, overdue: 30 + n } });
      },
    });
    renderPage(<CockpitPage />, { path: "/cockpit", me: ME });
    expect(await screen.findByRole("link", { name: "超期工单 31，查看清单" })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "超期工单 32，查看清单" }, { timeout: 4000 })).toBeTruthy();
    expect(calls.filter((c) => c.call === "GET /api/dashboard/cockpit").length).toBeGreaterThanOrEqual(2);
  });

  it("leaves out the tiles of modules the reader may not see, and refuses readers without the menu", async () => {
    mockApi({
      "GET /api/auth/me": () => ME,
      "GET /api/dashboard/cockpit": () => cockpit({ hall: null, ratings: null, budget: null }),
    });
    const { unmount } = renderPage(<CockpitPage />, { path: "/cockpit", me: ME });
    expect(await screen.findByRole("link", { name: /^超期工单/ })).toBeTruthy();
    expect(screen.queryByRole("link", { name: /^当前排队/ })).toBeNull();
    expect(screen.queryByRole("link", { name: /^差评待整改/ })).toBeNull();
    unmount();
    const calls = mockApi({ "GET /api/auth/me": () => TEST_ME });
    renderPage(<CockpitPage />, { path: "/cockpit", me: TEST_ME });
    expect(await screen.findByText(/没有访问此页面的权限/)).toBeTruthy();
    expect(calls.some((c) => c.call.startsWith("GET /api/dashboard"))).toBe(false);
  });
});
