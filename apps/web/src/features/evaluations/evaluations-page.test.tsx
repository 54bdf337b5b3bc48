import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { EvaluationsPage } from "./evaluations-page.tsx";

describe("EvaluationsPage (绩效自评)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("points to 预算绩效 before any budget year exists", async () => {
    mockApi({ "GET /api/budget/years": () => [] });
    renderPage(<EvaluationsPage />, { path: "/evaluations" });
    expect(await screen.findByText("尚无预算年度：请先在「预算绩效」中新建预算年度")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "部门整体支出绩效自评" })).toBeTruthy();
  });
});
