import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { DataResourcesPage } from "./data-resources-page.tsx";
import { OFFICER, SUMMARY, UNIT_B } from "./data-test-fixtures.ts";

const TREE = {
  byClassification: [
    { classification: "basic", count: 3, subclasses: [{ subclass: "人口", count: 3 }] },
    { classification: "department", count: 1, subclasses: [{ subclass: "市场监管", count: 1 }] },
  ],
  byProvider: [{ unitId: UNIT_B, unitName: "区市场监管局", count: 1 }],
};

describe("DataResourcesPage (数据资源目录)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the resources with their labels, filters by the tree and the search box through the URL", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/resources/tree": () => TREE,
      "GET /api/data/resources": () => ({ total: 1, items: [SUMMARY] }),
    });
    renderPage(<DataResourcesPage />, { path: "/data/resources?classification=department", me: OFFICER });
    const link = await screen.findByRole("link", { name: "市场主体登记信息" });
    expect(link.getAttribute("href")).toBe("/data/resources/30101001-00001");
    expect(screen.getByText("有条件共享")).toBeTruthy();
    expect(screen.getByText("部门信息资源／市场监管")).toBeTruthy();
    expect(screen.getByText("123,456")).toBeTruthy();
    expect(screen.getByText("共 1 个资源")).toBeTruthy();
    expect(calls.map((c) => c.call)).toContain("GET /api/data/resources?classification=department&page=1&pageSize=20");

    // The provider node replaces the classification filter.
    fireEvent.click(await screen.findByText("区市场监管局（1）"));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe(`/data/resources?providerUnitId=${UNIT_B}`),
    );
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(`GET /api/data/resources?providerUnitId=${UNIT_B}&page=1&pageSize=20`),
    );

    // The search keeps the provider chosen in the tree.
    fireEvent.change(screen.getByRole("textbox", { name: "搜索资源" }), { target: { value: "登记" } });
    fireEvent.click(screen.getByRole("button", { name: "查询" }));
    await waitFor(() =>
      expect(screen.getByTestId("location").textContent).toBe(
        `/data/resources?q=%E7%99%BB%E8%AE%B0&providerUnitId=${UNIT_B}`,
      ),
    );
    // A data officer may register a resource.
    expect(screen.getByRole("button", { name: /登记资源/ })).toBeTruthy();
  });

  it("shows the list's failure with a retry instead of an empty catalog", async () => {
    mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/resources/tree": () => TREE,
      "GET /api/data/resources": () => ({
        status: 500,
        body: { error: { code: "internal", message: "内部错误", requestId: "r" } },
      }),
    });
    renderPage(<DataResourcesPage />, { path: "/data/resources", me: OFFICER });
    expect(await screen.findByText("列表加载失败")).toBeTruthy();
    expect(screen.getByText("基础信息资源（3）")).toBeTruthy();
  });

  it("exports the catalog; the import's check lists every bad cell by sheet, row and column and imports nothing", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/resources/tree": () => TREE,
      "GET /api/data/resources": () => ({ total: 1, items: [SUMMARY] }),
      "POST /api/data/resources/import": () => ({
        status: 422,
        body: {
          error: {
            code: "unprocessable",
            message: "导入未执行（共 1 处错误，未写入任何内容）",
            requestId: "r",
            details: [{ sheet: "信息资源", row: 3, column: "更新周期", message: "须为 实时、每日 之一" }],
          },
        },
      }),
    });
    const view = renderPage(<DataResourcesPage />, { path: "/data/resources", me: OFFICER });
    const exportLink = await screen.findByRole("link", { name: /导出 Excel/ });
    expect(exportLink.getAttribute("href")).toBe("/api/data/resources/export.xlsx");
    fireEvent.click(screen.getByRole("button", { name: /导入 Excel/ }));
    await screen.findByText("导入信息资源目录");
    const input = view.baseElement.querySelector<HTMLInputElement>("input[type=file]");
    if (!input) {
      throw new Error("no file input");
    }
    fireEvent.change(input, {
      target: { files: [new File(["x"], "目录.xlsx", { type: "application/octet-stream" })] },
    });
    expect(await screen.findByText("须为 实时、每日 之一")).toBeTruthy();
    expect(screen.getAllByText("更新周期").length).toBeGreaterThan(0);
    expect(screen.getByText("信息资源")).toBeTruthy();
    expect(calls.map((c) => c.call)).toContain("POST /api/data/resources/import?dryRun=true");
    expect(calls.filter((c) => c.call.includes("dryRun=false"))).toEqual([]);
  });

  it("shows the district's check of the 免提交 sources, flagged ones marked, when the server answers it", async () => {
    mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/resources/tree": () => TREE,
      "GET /api/data/resources": () => ({ total: 1, items: [SUMMARY] }),
      "GET /api/data/exempt-sources": () => ({
        total: 2,
        flagged: 1,
        items: [
          { source: "某平台·某证明", resourceCode: null, resourceName: null, items: 3, materials: 4, flagged: true },
          {
            source: "广东省电子证照库·营业执照",
            resourceCode: "10501003-00002",
            resourceName: "广东省电子证照库·营业执照",
            items: 500,
            materials: 510,
            flagged: false,
          },
        ],
      }),
    });
    renderPage(<DataResourcesPage />, { path: "/data/resources", me: OFFICER });
    expect(await screen.findByText("免提交数据来源核对（2 个来源）")).toBeTruthy();
    expect(screen.getByText(/1 个数据来源没有对应的信息资源/)).toBeTruthy();
    expect(screen.getByText("无对应资源")).toBeTruthy();
    expect(screen.getByRole("link", { name: "10501003-00002" }).getAttribute("href")).toBe(
      "/data/resources/10501003-00002",
    );
  });
});
