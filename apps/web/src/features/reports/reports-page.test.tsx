import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { ReportsPage } from "./reports-page.tsx";

describe("ReportsPage (自评报告)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says why there is no report before any budget year exists", async () => {
    const calls = mockApi({ "GET /api/budget/years": () => [] });
    renderPage(<ReportsPage />, { path: "/reports" });
    expect(await screen.findByText("尚无预算年度，无法生成报告")).toBeTruthy();
    expect(calls.map((c) => c.call)).toEqual(["GET /api/budget/years"]);
  });
});
