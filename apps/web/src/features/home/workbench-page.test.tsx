import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { WorkbenchPage } from "./workbench-page.tsx";

describe("WorkbenchPage (工作台)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("greets the user, offers their menu, and warns when next year's holidays are missing", async () => {
    mockApi({
      "GET /api/auth/me": () => TEST_ME,
      "GET /healthz": () => ({ status: "ok" }),
      "GET /api/calendar": () => ({ items: [], warning: "尚未录入 2027 年法定节假日安排，期限计算可能不准确" }),
    });
    renderPage(<WorkbenchPage />, { path: "/", me: TEST_ME });
    expect(await screen.findByText("尚未录入 2027 年法定节假日安排，期限计算可能不准确")).toBeTruthy();
    expect(screen.getByText(/您好，调度员/)).toBeTruthy();
    expect(screen.getByText("工单统计").closest("a")?.getAttribute("href")).toBe("/work-orders/metrics");
  });
});
