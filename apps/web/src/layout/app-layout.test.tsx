import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../test/render.tsx";
import { OFFICER } from "../features/data/data-test-fixtures.ts";
import { AppLayout } from "./app-layout.tsx";

describe("AppLayout's side menu", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the data officer's pages in the 数据资源 submenu, open on the current page", async () => {
    mockApi({ "GET /api/auth/me": () => OFFICER });
    renderPage(<AppLayout />, { path: "/data/requests", me: OFFICER });
    const nav = await screen.findByRole("menu", { name: "主导航" });
    expect(nav.textContent).toContain("数据资源");
    for (const [name, href] of [
      ["数据资源目录", "/data/resources"],
      ["共享申请", "/data/requests"],
      ["交换日志", "/data/exchange-log"],
      ["信息系统台账", "/data/systems"],
      ["数据统计", "/data/statistics"],
    ]) {
      expect(screen.getByRole("link", { name }).getAttribute("href")).toBe(href);
    }
    expect(screen.getByRole("link", { name: "共享申请" }).closest(".ant-menu-item-selected")).toBeTruthy();
  });
});
