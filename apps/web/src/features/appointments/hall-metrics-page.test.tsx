import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { HallMetricsPage } from "./hall-metrics-page.tsx";

const HALL = "00000000-0000-4000-8000-0000000000a1";
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

describe("HallMetricsPage (大厅统计)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("opens the visitors behind a hall's figure, paged on the server", async () => {
    const calls = mockApi({
      "GET /api/appointments/metrics": () => ({
        total: row(null, "合计", 1234),
        groups: [row(HALL, "区政务服务中心", 1234)],
        formulas: {},
      }),
      "GET /api/appointments/bookable-items": () => ({ items: [{ level: "district", halls: 1, items: 873 }] }),
      "GET /api/appointments/tickets": () => ({ items: [], total: 0 }),
    });
    renderPage(<HallMetricsPage />, { path: "/hall/metrics?from=2022-01-01&to=2022-12-31" });
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
});
