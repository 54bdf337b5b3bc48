import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { PublicDataPage } from "./public-data-page.tsx";
import { PublicDatasetPage } from "./public-dataset-page.tsx";

const pkg = (over: Record<string, unknown>) => ({
  id: "d1",
  name: "20101001-00001",
  title: "A级旅游景区名录",
  notes: "全区A级旅游景区",
  isopen: true,
  license_title: "CC BY 4.0",
  metadata_modified: "2022-06-01T02:00:00.000000",
  organization: { id: "o1", title: "区文化广电旅游体育局" },
  groups: [{ name: "thematic", title: "主题信息资源" }],
  tags: [{ name: "文化旅游" }],
  resources: [{ id: "r1", name: "CSV", format: "CSV", url: "https://x/download.csv", description: "" }],
  extras: [
    { key: "update_cycle", value: "每月" },
    { key: "fields", value: "景区名称（字符型，100）；等级（字符型，10）" },
  ],
  ...over,
});

describe("公共数据开放 pages read the CKAN Action API", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("searches package_search of the tenant in the URL and lists datasets with provider and formats", async () => {
    const calls = mockApi({
      "GET /open-data/440114/api/3/action/package_search": () => ({
        help: "h",
        success: true,
        result: { count: 1, results: [pkg({})] },
      }),
    });
    renderPage(<PublicDataPage />, { path: "/public/data?tenant=440114&q=旅游" });
    expect(await screen.findByText("A级旅游景区名录")).toBeTruthy();
    expect(screen.getByText("区文化广电旅游体育局")).toBeTruthy();
    expect(calls[0]?.call).toBe(
      `GET /open-data/440114/api/3/action/package_search?q=${encodeURIComponent("旅游")}&rows=20&start=0`,
    );
  });

  it("shows a 有条件开放 dataset's fields and says it is applied for instead of offering downloads", async () => {
    mockApi({
      "GET /open-data/440114/api/3/action/package_show": () => ({
        help: "h",
        success: true,
        result: pkg({
          isopen: false,
          resources: [],
          extras: [
            { key: "access", value: "有条件开放：下载须向提供单位申请" },
            { key: "fields", value: "服务点名称（字符型，100）" },
          ],
        }),
      }),
    });
    renderPage(<PublicDatasetPage />, {
      path: "/public/data/20101001-00001?tenant=440114",
      route: "/public/data/:name",
    });
    expect(await screen.findByText("服务点名称（字符型，100）")).toBeTruthy();
    expect(screen.getAllByText("有条件开放：下载须向提供单位申请").length).toBeGreaterThan(0);
    expect(screen.queryByText(/下载 CSV/)).toBeNull();
  });
});
