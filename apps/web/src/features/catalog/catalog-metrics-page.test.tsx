import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { type ApiRoutes, mockApi, renderPage } from "../../../test/render.tsx";
import { CatalogMetricsPage } from "./catalog-metrics-page.tsx";

// ECharts loads as its own chunk: on a busy machine the first chart takes a while to appear.
const CHART_WAIT = { timeout: 10_000 };

const DEPT_A = "00000000-0000-4000-8000-0000000000f1";
const DEPT_B = "00000000-0000-4000-8000-0000000000f2";

function counts(items: number, onApplication: number, reduced: number) {
  return {
    items,
    onApplicationItems: onApplication,
    materialsReducedItems: reduced,
    materials: 0,
    exemptMaterials: 0,
    deferrableItems: 3,
    crossRegionEntries: 0,
    policyBenefitItems: 0,
    bookableTown: 0,
    bookableVillage: 0,
  };
}

function routes(): ApiRoutes {
  return {
    "GET /api/catalog/metrics": (url) => ({
      asOf: url.searchParams.get("asOf"),
      total: {
        ...counts(180, 160, 100),
        materialsReducedRate: 0.625,
        exemptRate: null,
        deferrableDepartments: 2,
        bundles: 0,
        policyBenefitCases: 0,
      },
      groups: [
        { key: DEPT_A, label: "区公安分局", ...counts(60, 50, 20) },
        { key: DEPT_B, label: "区市场监管局", ...counts(120, 110, 80) },
      ],
    }),
  };
}

const location = () => decodeURIComponent(screen.getByTestId("location").textContent ?? "");

describe("CatalogMetricsPage (事项统计) chart", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("charts each department's figures, largest first; a bar opens the items it counts", async () => {
    mockApi(routes());
    renderPage(<CatalogMetricsPage />, { path: "/catalog/metrics?asOf=2022-06-30&groupBy=department" });
    const figure = await screen.findByRole("figure", { name: /事项统计：按部门/ }, CHART_WAIT);
    await waitFor(() => expect(JSON.stringify(chartIn(figure)?.getOption())).toContain("区市场监管局"));
    const chart = chartIn(figure);
    // Series 1 (已减材料) of the first (largest) department.
    clickDatum(chart, 1, 0);
    await waitFor(() =>
      expect(location()).toBe(`/catalog?departmentId=${DEPT_B}&flag=materialsReduced&asOf=2022-06-30`),
    );
  });

  it("shows 减材料落实率 in the table view; the rate opens the items it is taken over", async () => {
    mockApi(routes());
    renderPage(<CatalogMetricsPage />, { path: "/catalog/metrics?asOf=2022-06-30&groupBy=department" });
    const heading = await screen.findByText(/事项统计：按部门/, { selector: ".ant-card-head-title" }, CHART_WAIT);
    const card = heading.closest<HTMLElement>(".ant-card") ?? document.body;
    fireEvent.click(within(card).getByText("表格"));
    fireEvent.click(
      await within(card).findByRole("button", { name: "区公安分局 减材料落实率 40.0%，点击查看对应事项" }),
    );
    await waitFor(() => expect(location()).toBe(`/catalog?departmentId=${DEPT_A}&flag=onApplication&asOf=2022-06-30`));
  });

  it("opens nothing from a 网办深度 group, which the catalog list cannot filter", async () => {
    mockApi(routes());
    renderPage(<CatalogMetricsPage />, { path: "/catalog/metrics?asOf=2022-06-30&groupBy=onlineDepth" });
    const chart = chartIn(await screen.findByRole("figure", { name: /事项统计：按网办深度/ }, CHART_WAIT));
    await waitFor(() => expect(JSON.stringify(chart?.getOption())).toContain("区市场监管局"));
    clickDatum(chart, 0, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(location()).toBe("/catalog/metrics?asOf=2022-06-30&groupBy=onlineDepth");
  });
});
