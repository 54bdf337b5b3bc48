import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BudgetYearSchema } from "../../../../../packages/contracts/src/budget.ts";
import { chartIn, clickDatum } from "../../../test/chart-click.ts";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { BudgetPage } from "./budget-page.tsx";

// ECharts loads as its own chunk: on a busy machine the first chart takes a while to appear.
const CHART_WAIT = { timeout: 10_000 };

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
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("invites the finance officer to start the first year", async () => {
    mockApi({ "GET /api/auth/me": () => FINANCE, "GET /api/budget/years": () => [] });
    renderPage(<BudgetPage />, { path: "/budget", me: FINANCE });
    expect(await screen.findByText("尚无预算年度：点击上方「新建预算年度」开始")).toBeTruthy();
    expect(screen.getByRole("button", { name: "新建预算年度" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "预算与绩效" })).toBeTruthy();
  });

  it("charts a project's monthly execution against a straight-line plan; a month opens its row", async () => {
    const summary = Object.fromEntries(Object.keys(BudgetYearSchema.shape.summary.shape).map((k) => [k, 0]));
    const project = (code: string, name: string, budgetFen: number, months: number[] | null) => ({
      id: `00000000-0000-4000-8000-0000000001${code.slice(-2)}`,
      code,
      name,
      level: 2,
      parentCode: null,
      fundType: "general",
      budgetFen,
      adjustmentFen: 0,
      executedFen: (months ?? []).reduce((a, b) => a + b, 0),
      carryOverFen: 0,
      months,
      executionRate: null,
      indicators: [],
    });
    // 120 万元 a year: the plan is 10 万元 a month; the project spent 20 万元 in January and March.
    const year = BudgetYearSchema.parse({
      id: "00000000-0000-4000-8000-000000000190",
      year: 2022,
      orgUnitId: "00000000-0000-4000-8000-000000000092",
      orgUnitName: "花都区政务服务数据管理局",
      revenues: [],
      basicBudgetFen: 0,
      basicExecutedFen: 0,
      publicFundsBudgetFen: 0,
      publicFundsActualFen: 0,
      threePublicBudgetFen: 0,
      threePublicActualFen: 0,
      procurementPlanFen: 0,
      procurementActualFen: 0,
      fixedAssetsTotalFen: 0,
      fixedAssetsInUseFen: 0,
      summary: { ...summary, executionRate: null, identityBreaks: [] },
      projects: [
        project("P-01", "无月度数据的项目", 1_000_000, null),
        project("P-02", "政务大厅运维", 120_000_000, [20_000_000, 0, 20_000_000, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      ],
      facts: [],
      canEdit: false,
    });
    mockApi({
      "GET /api/auth/me": () => FINANCE,
      "GET /api/budget/years": () => [{ year: 2022, orgUnitName: year.orgUnitName, summary: year.summary }],
      "GET /api/budget/years/2022": () => year,
    });
    renderPage(<BudgetPage />, { path: "/budget/2022", route: "/budget/:year", me: FINANCE });
    const heading = await screen.findByText(
      "预算执行进度：政务大厅运维",
      { selector: ".ant-card-head-title" },
      CHART_WAIT,
    );
    const card = heading.closest<HTMLElement>(".ant-card") ?? document.body;
    fireEvent.click(within(card).getByText("表格"));
    // March: 20 万元 that month, 40 万元 to date, against a plan of 30 万元.
    expect(await within(card).findByRole("button", { name: /^3月 累计执行（万元） 40，/ })).toBeTruthy();
    expect(within(card).getByRole("button", { name: /^3月 直线计划（万元） 30，/ })).toBeTruthy();
    fireEvent.click(within(card).getByText("图表"));
    const figure = await within(card).findByRole("figure", {}, CHART_WAIT);
    await waitFor(() => expect(chartIn(figure)).toBeDefined());
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, "scrollIntoView").mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.id);
    });
    clickDatum(chartIn(figure), 1, 2);
    // The page brings the project's row (#project-<code>) into view.
    await waitFor(() => expect(scrolled).toContain("project-P-02"));
  });
});
