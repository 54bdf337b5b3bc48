import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RATE_KEYS } from "../../../../../packages/contracts/src/evaluations.ts";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { type ApiRoutes, mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { RatingsPage } from "./ratings-page.tsx";

// ECharts loads as its own chunk: on a busy machine the first chart takes a while to appear.
const CHART_WAIT = { timeout: 10_000 };

const UNIT_A = "00000000-0000-4000-8000-0000000000e1";
const UNIT_B = "00000000-0000-4000-8000-0000000000e2";

function rateRow(key: string | null, label: string, ratings: number, bad: number) {
  const counts = Object.fromEntries(RATE_KEYS.map((k) => [k, 0]));
  return {
    key,
    label,
    counts: { ...counts, ratings, bad },
    cases: ratings,
    unratedCases: 0,
    goodRate: ratings ? (ratings - bad) / ratings : null,
    activeGoodRate: null,
    unratedRate: null,
    badReplyRate: null,
    rectificationRate: null,
    onTimeRectificationRate: null,
    rectificationSatisfactionRate: null,
  };
}

function routes(): ApiRoutes {
  const groups: Record<string, unknown[]> = {
    month: [rateRow("2022-01", "2022-01", 200, 4), rateRow("2022-02", "2022-02", 100, 10)],
    unit: [rateRow(UNIT_A, "区城管局", 150, 2), rateRow(UNIT_B, "新华街道", 150, 12)],
  };
  return {
    "GET /api/auth/me": () => TEST_ME,
    "GET /api/ratings/rates": (url) => ({
      total: rateRow(null, "合计", 300, 14),
      groups: groups[url.searchParams.get("groupBy") ?? ""] ?? [],
      formulas: {},
    }),
    "GET /api/ratings": () => ({ items: [], total: 0 }),
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

const location = () => decodeURIComponent(screen.getByTestId("location").textContent ?? "");

describe("RatingsPage (好差评) charts", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("draws 好评率 and 差评 by month; a month's 差评 bar opens that month's bad ratings", async () => {
    const calls = mockApi(routes());
    renderPage(<RatingsPage />, { path: "/ratings", me: TEST_ME });
    const figure = await screen.findByRole("figure", { name: /好评率与差评（按月）/ }, CHART_WAIT);
    await waitFor(() => expect(JSON.stringify(chartIn(figure)?.getOption())).toContain("2月"));
    const chart = chartIn(figure);
    // The rate has its own (percent) axis beside the counts.
    expect(chart?.getOption().yAxis).toHaveLength(2);
    clickDatum(chart, 0, 1);
    await waitFor(() =>
      expect(location()).toBe(
        "/ratings?groupBy=unit&from=2022-02-01T00:00:00+08:00&to=2022-03-01T00:00:00+08:00&metric=bad",
      ),
    );
    // The list below asks for exactly those ratings.
    await waitFor(() =>
      expect(calls.map((c) => decodeURIComponent(c.call))).toContain(
        "GET /api/ratings?from=2022-02-01T00:00:00+08:00&to=2022-03-01T00:00:00+08:00&metric=bad&page=1&pageSize=20",
      ),
    );
  });

  it("ranks units by 差评, with 好评率 on its own axis; a unit's rate opens all its ratings", async () => {
    mockApi(routes());
    renderPage(<RatingsPage />, { path: "/ratings", me: TEST_ME });
    const units = await card("各单位好评率与差评");
    fireEvent.click(within(units).getByText("表格"));
    const rates = await within(units).findAllByRole("button", { name: /好评率/ });
    expect(rates.map((b) => b.getAttribute("aria-label"))).toEqual([
      "新华街道 好评率 92.0%，点击查看该单位评价",
      "区城管局 好评率 98.7%，点击查看该单位评价",
    ]);
    fireEvent.click(rates[0] ?? document.body);
    await waitFor(() => expect(location()).toBe(`/ratings?groupBy=unit&unitId=${UNIT_B}&metric=ratings`));
  });
});
