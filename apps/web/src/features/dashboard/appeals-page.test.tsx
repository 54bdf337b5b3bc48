import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { AppealsPage, briefingSpans } from "./appeals-page.tsx";
import { lastCompleteWeek, readAppealsParams } from "./appeals-params.ts";

const ME = { ...TEST_ME, menu: [...TEST_ME.menu, "appeals" as const, "briefings" as const] };
const METHOD = "泊松检验：以前 8 周的周均值 λ 为基线，P(X ≥ x) < 0.001 时记为上升";

const routes = {
  "GET /api/auth/me": () => ME,
  "GET /api/org/tree": () => ({ units: [] }),
  "GET /api/dashboard/appeals/hot-topics": () => ({
    total: 120,
    terms: [
      { term: "噪音", count: 40, share: 0.33 },
      { term: "整改", count: 30, share: 0.25 },
    ],
    categories: [{ category: "complaint", label: "投诉", count: 80, share: 0.67 }],
  }),
  "GET /api/dashboard/appeals/rising-topics": () => ({
    weekStart: "2022-03-14",
    weekEnd: "2022-03-20",
    method: METHOD,
    rising: [
      {
        kind: "term",
        key: "整改",
        label: "整改",
        count: 30,
        history: [0, 0, 0, 0, 0, 0, 1, 1],
        baseline: 0.25,
        pValue: 1e-30,
      },
    ],
  }),
  "GET /api/dashboard/appeals/repeat-callers": () => ({
    method: "同一来电号码任意连续 30 天内工单不少于 3 件",
    callers: [
      {
        phone: "138****8000",
        count: 4,
        from: "2022-02-20",
        to: "2022-03-20",
        workOrderIds: ["00000000-0000-4000-8000-0000000000e1"],
      },
    ],
  }),
};

describe("AppealsPage (诉求分析)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("defaults to the last complete week, Monday to Sunday in Beijing time", () => {
    // Wednesday 2022-03-23 01:00 in Beijing is still Tuesday in UTC.
    expect(lastCompleteWeek(new Date("2022-03-22T17:00:00Z"))).toEqual({ from: "2022-03-14", to: "2022-03-20" });
    expect(readAppealsParams(new URLSearchParams(), new Date("2022-03-22T17:00:00Z"))).toMatchObject({
      from: "2022-03-14",
      to: "2022-03-20",
      week: "2022-03-20",
    });
    // The monthly briefing takes the last month that has ended.
    const p = readAppealsParams(new URLSearchParams("from=2022-03-14&to=2022-03-20"), new Date());
    expect(briefingSpans(p, new Date("2022-03-22T04:00:00Z")).month).toEqual({ from: "2022-02-01", to: "2022-02-28" });
    expect(briefingSpans(p, new Date("2022-04-02T04:00:00Z")).month).toEqual({ from: "2022-03-01", to: "2022-03-31" });
  });

  it("charts the hot topics of the period; a term's bar opens its tickets", async () => {
    const calls = mockApi(routes);
    renderPage(<AppealsPage />, { path: "/appeals?from=2022-03-14&to=2022-03-20", me: ME });
    const figure = await screen.findByRole("figure", { name: /热点主题词/ });
    const chart = chartIn(figure);
    await waitFor(() => expect(JSON.stringify(chart?.getOption())).toContain("噪音"));
    expect(calls.map((c) => c.call)).toContain(
      "GET /api/dashboard/appeals/hot-topics?from=2022-03-14&to=2022-03-20&limit=20",
    );
    expect(screen.getByText(/共 120 件工单/)).toBeTruthy();
    clickDatum(chart, 0, 1);
    await waitFor(() =>
      expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "")).toBe(
        "/work-orders?queue=all&q=整改&from=2022-03-14T00:00:00+08:00&to=2022-03-21T00:00:00+08:00",
      ),
    );
  });

  it("states the rising test from the server and lists repeat callers with masked numbers", async () => {
    mockApi(routes);
    renderPage(<AppealsPage />, { path: "/appeals?from=2022-03-14&to=2022-03-20", me: ME });
    fireEvent.click(await screen.findByRole("tab", { name: "上升话题" }));
    expect(await screen.findByText(`检验方法：${METHOD}`)).toBeTruthy();
    expect(screen.getByText("0、0、0、0、0、0、1、1")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "重复来电" }));
    expect(await screen.findByText("138****8000")).toBeTruthy();
    expect(screen.queryByText(/13800138000/)).toBeNull();
    expect(screen.getByRole("button", { name: /周报 2022-03-14 至 2022-03-20/ })).toBeTruthy();
  });

  it("shows the server's Chinese message for a period it refuses, and no briefing without the grant", async () => {
    mockApi({
      ...routes,
      "GET /api/auth/me": () => TEST_ME,
      "GET /api/dashboard/appeals/hot-topics": () => ({
        status: 400,
        body: {
          error: {
            code: "validation",
            message: "请求参数不正确",
            details: [{ path: "from", message: "分析期间不能超过 3 年" }],
            requestId: "t",
          },
        },
      }),
    });
    renderPage(<AppealsPage />, { path: "/appeals?from=2015-01-01&to=2022-12-31", me: TEST_ME });
    expect(await screen.findByText(/分析期间不能超过 3 年/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /周报/ })).toBeNull();
  });
});
