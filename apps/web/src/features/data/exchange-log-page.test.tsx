import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { OFFICER, UNIT_A } from "./data-test-fixtures.ts";
import { ExchangeLogPage } from "./exchange-log-page.tsx";

const ENTRY = {
  id: "00000000-0000-4000-8000-000000000501",
  seq: 7,
  at: "2022-10-12T01:30:00.000Z",
  consumerUnitId: UNIT_A,
  consumerName: "新华街道",
  grantId: null,
  resourceCode: "30101001-00001",
  fields: ["企业名称"],
  filter: {},
  rowsReturned: 0,
  requestId: "req-1",
  outcome: "refused",
  reason: "授权已撤销",
  hash: "ab",
};

describe("ExchangeLogPage (交换日志)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists calls in Beijing time with refusals and their reason; a month's counter opens that month's entries", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/exchange-log": () => ({ total: 1, items: [ENTRY] }),
      "GET /api/data/exchange-log/counters": (url) => ({
        by: url.searchParams.get("by"),
        items: [{ key: "2022-10", label: "2022-10", rows: 1200, calls: 3 }],
      }),
    });
    renderPage(<ExchangeLogPage />, { path: "/data/exchange-log?by=month", me: OFFICER });
    expect(await screen.findByText("已拒绝：授权已撤销")).toBeTruthy();
    expect(screen.getByText("2022-10-12 09:30:00")).toBeTruthy();
    expect(screen.getByText("zhengwu exchange verify")).toBeTruthy();
    expect(calls.map((c) => c.call)).toContain("GET /api/data/exchange-log/counters?by=month");
    fireEvent.click(await screen.findByText("2022-10"));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe(
        "/data/exchange-log?from=2022-10-01T00%3A00%3A00%2B08%3A00&to=2022-11-01T00%3A00%3A00%2B08%3A00&by=month",
      ),
    );
    expect(await screen.findByText("1,200")).toBeTruthy();
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        "GET /api/data/exchange-log/counters?by=month&from=2022-10-01T00%3A00%3A00%2B08%3A00&to=2022-11-01T00%3A00%3A00%2B08%3A00",
      ),
    );
  });
});

describe("ExchangeLogPage links from 数据统计 and the report", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads calendar days, provider and outcome from the URL as whole Beijing days; a provider's counter opens its calls", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/exchange-log": () => ({ total: 0, items: [] }),
      "GET /api/data/exchange-log/counters": () => ({
        by: "provider",
        items: [{ key: UNIT_A, label: "区市场监管局", rows: 3500, calls: 2 }],
      }),
      "GET /api/org/units": () => [],
    });
    renderPage(<ExchangeLogPage />, {
      path: "/data/exchange-log?from=2022-01-01&to=2022-12-31&outcome=served&by=provider",
      me: OFFICER,
    });
    const from = encodeURIComponent("2022-01-01T00:00:00+08:00");
    const to = encodeURIComponent("2022-12-31T23:59:59.999+08:00");
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        `GET /api/data/exchange-log?outcome=served&from=${from}&to=${to}&page=1&pageSize=20`,
      ),
    );
    expect(calls.map((c) => c.call)).toContain(`GET /api/data/exchange-log/counters?by=provider&from=${from}&to=${to}`);
    fireEvent.click(await screen.findByText("区市场监管局"));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe(
        `/data/exchange-log?providerUnitId=${UNIT_A}&outcome=served&from=2022-01-01&to=2022-12-31&by=provider`,
      ),
    );
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        `GET /api/data/exchange-log?providerUnitId=${UNIT_A}&outcome=served&from=${from}&to=${to}&page=1&pageSize=20`,
      ),
    );
  });
});
