import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { WorkbenchPage } from "./workbench-page.tsx";

const task = (key: string, label: string, count: number, href: string, tone = "normal") => ({
  key,
  group: "工单办理",
  label,
  count,
  href,
  tone,
  hint: null,
});

describe("WorkbenchPage (工作台)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the person's to-dos as links to their lists, and the server's notices", async () => {
    mockApi({
      "GET /api/auth/me": () => TEST_ME,
      "GET /healthz": () => ({ status: "ok" }),
      "GET /api/workbench": () => ({
        computedAt: "2022-06-15T03:00:00.000Z",
        tasks: [
          task("wo.toDispatch", "待派单", 12, "/work-orders?queue=new"),
          task("wo.overdue", "已超期", 3, "/work-orders?queue=overdue", "danger"),
        ],
        notices: [
          { key: "calendar.nextYear", level: "warning", text: "尚未录入 2027 年法定节假日安排", href: null },
          { key: "ratings.bad", level: "warning", text: "近 7 天本单位收到 2 条差评", href: "/ratings?metric=bad" },
        ],
      }),
    });
    renderPage(<WorkbenchPage />, { path: "/", me: TEST_ME });
    expect(await screen.findByText("尚未录入 2027 年法定节假日安排")).toBeTruthy();
    expect(screen.getByText("查看").closest("a")?.getAttribute("href")).toBe("/ratings?metric=bad");
    expect(screen.getByTestId("task-wo.toDispatch").getAttribute("href")).toBe("/work-orders?queue=new");
    expect(screen.getByTestId("task-wo.overdue").textContent).toContain("3");
    expect(screen.getByText(/您好，调度员/)).toBeTruthy();
    expect(screen.getByText("工单统计").closest("a")?.getAttribute("href")).toBe("/work-orders/metrics");
  });

  it("says so when there is nothing to do", async () => {
    mockApi({
      "GET /api/auth/me": () => TEST_ME,
      "GET /healthz": () => ({ status: "ok" }),
      "GET /api/workbench": () => ({ computedAt: "2022-06-15T03:00:00.000Z", tasks: [], notices: [] }),
    });
    renderPage(<WorkbenchPage />, { path: "/", me: TEST_ME });
    expect(await screen.findByText("当前没有需要您处理的事项")).toBeTruthy();
  });
});
