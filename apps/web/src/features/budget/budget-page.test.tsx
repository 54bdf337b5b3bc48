import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { BudgetPage } from "./budget-page.tsx";

const FINANCE = {
  ...TEST_ME,
  menu: [...TEST_ME.menu, "budget" as const],
  grants: [
    {
      id: "00000000-0000-4000-8000-000000000091",
      role: "finance_officer" as const,
      orgUnitId: "00000000-0000-4000-8000-000000000092",
      orgUnitName: "花都区政务服务数据管理局",
    },
  ],
};

describe("BudgetPage (预算绩效)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("invites the finance officer to start the first year", async () => {
    mockApi({ "GET /api/auth/me": () => FINANCE, "GET /api/budget/years": () => [] });
    renderPage(<BudgetPage />, { path: "/budget", me: FINANCE });
    expect(await screen.findByText("尚无预算年度：点击上方「新建预算年度」开始")).toBeTruthy();
    expect(screen.getByRole("button", { name: "新建预算年度" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "预算与绩效" })).toBeTruthy();
  });
});
