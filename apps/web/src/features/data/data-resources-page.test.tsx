import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../../../test/render.tsx";
import { DataResourcesPage } from "./data-resources-page.tsx";

describe("DataResourcesPage (数据资源)", () => {
  it("says the module is being built and links what a data officer can use now", () => {
    renderPage(<DataResourcesPage />, { path: "/data" });
    expect(screen.getByText("数据资源模块正在建设中")).toBeTruthy();
    expect(screen.getByRole("link", { name: "事项目录（只读）" }).getAttribute("href")).toBe("/catalog");
    expect(screen.getByRole("navigation").textContent?.trim()).toBe("首页/数据资源");
  });
});
