import { render, screen } from "@testing-library/react";
import { Button } from "antd";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { PageContainer } from "./page-container.tsx";

function renderAt(path: string, crumbs?: { title: string; path?: string }[]) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <PageContainer title="工单 GZ-1" description="说明" extra={<Button>刷新</Button>} crumbs={crumbs}>
        <p>内容</p>
      </PageContainer>
    </MemoryRouter>,
  );
}

describe("PageContainer", () => {
  it("shows breadcrumb, title, actions and content; the menu entry links back from a page below it", () => {
    renderAt("/work-orders/123", [{ title: "工单 GZ-1" }]);
    const nav = screen.getByRole("navigation");
    expect(nav.textContent?.trim()).toBe("首页/工单办理/工单 GZ-1");
    expect(screen.getByRole("link", { name: "工单办理" }).getAttribute("href")).toBe("/work-orders");
    expect(screen.getByRole("heading", { level: 4, name: "工单 GZ-1" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /刷/ })).toBeTruthy();
    expect(screen.getByText("内容")).toBeTruthy();
  });

  it("names the most specific menu entry, not linked on its own page", () => {
    renderAt("/work-orders/metrics");
    expect(screen.getByRole("navigation").textContent?.trim()).toBe("首页/工单统计");
    expect(screen.queryByRole("link", { name: "工单统计" })).toBeNull();
  });
});
