import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BudgetYearSchema } from "../../../../../packages/contracts/src/budget.ts";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { BudgetPage } from "./budget-page.tsx";

const UNIT = "00000000-0000-4000-8000-000000000092";
const FINANCE = {
  ...TEST_ME,
  menu: [...TEST_ME.menu, "budget" as const],
  grants: [
    {
      id: "00000000-0000-4000-8000-000000000091",
      role: "finance_officer" as const,
      orgUnitId: UNIT,
      orgUnitName: "花都区政务服务数据管理局",
    },
  ],
};

/** Huadu 2022 as the seed states it: the projects add up to 7,298.04, the 决算 says 7,278.02. */
function huadu() {
  const zero = Object.fromEntries(Object.keys(BudgetYearSchema.shape.summary.shape).map((k) => [k, 0]));
  return BudgetYearSchema.parse({
    id: "00000000-0000-4000-8000-000000000190",
    year: 2022,
    orgUnitId: UNIT,
    orgUnitName: "花都区政务服务数据管理局",
    revenues: [{ source: "fiscal_appropriation", budgetFen: 9_167_050_000, actualFen: 9_167_050_000 }],
    basicBudgetFen: 1_889_030_000,
    basicExecutedFen: 1_889_030_000,
    publicFundsBudgetFen: 0,
    publicFundsActualFen: 0,
    threePublicBudgetFen: 0,
    threePublicActualFen: 0,
    procurementPlanFen: 0,
    procurementActualFen: 0,
    fixedAssetsTotalFen: 0,
    fixedAssetsInUseFen: 0,
    finalRevenueFen: 9_167_050_000,
    finalOpeningBalanceFen: null,
    finalExpenditureFen: 9_167_050_000,
    finalBasicFen: 1_889_030_000,
    finalProjectFen: 7_278_020_000,
    finalClosingBalanceFen: 0,
    summary: {
      ...zero,
      revenueActualFen: 9_167_050_000,
      expenditureFen: 9_187_070_000,
      basicExecutedFen: 1_889_030_000,
      executionRate: 1,
      identityBreaks: [
        {
          key: "project_list",
          message: "25 个二级项目预算完成数合计 7,298.04 万元 ≠ 决算项目支出 7,278.02 万元，相差 20.02 万元",
          leftFen: 7_298_040_000,
          rightFen: 7_278_020_000,
          differenceFen: 20_020_000,
        },
      ],
    },
    projects: [],
    facts: [],
    canEdit: true,
  });
}

describe("决算报表 on the budget page", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("shows the stated totals, lists every identity that fails with its difference, and saves 万元 as 分", async () => {
    const year = huadu();
    const calls = mockApi({
      "GET /api/auth/me": () => FINANCE,
      "GET /api/budget/years": () => [{ year: 2022, orgUnitName: year.orgUnitName, summary: year.summary }],
      "GET /api/budget/years/2022": () => year,
      "PUT /api/budget/years/2022": () => year,
    });
    renderPage(<BudgetPage />, { path: "/budget/2022", route: "/budget/:year", me: FINANCE });
    const card = (await screen.findByText("决算报表（按填报数陈述）")).closest<HTMLElement>(".ant-card");
    if (!card) {
      throw new Error("no card");
    }
    const alert = within(card).getByRole("alert");
    expect(alert.textContent).toContain("决算数据有 1 处不一致");
    expect(alert.textContent).toContain("相差 20.02 万元");
    expect(within(card).getByText("7,278.02")).toBeTruthy();
    expect(within(card).getByText("未填报")).toBeTruthy();
    // The header figure is the stated 支出, not the records' 9,187.07.
    expect(screen.queryByText("9,187.07")).toBeNull();

    fireEvent.click(within(card).getByRole("button", { name: "填报决算数" }));
    const project = await screen.findByLabelText("决算项目支出");
    fireEvent.change(project, { target: { value: "7298.04" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(calls.some((c) => c.call === "PUT /api/budget/years/2022")).toBe(true));
    const put = calls.find((c) => c.call === "PUT /api/budget/years/2022")?.body as Record<string, unknown>;
    expect(put).toMatchObject({
      orgUnitId: UNIT,
      finalProjectFen: 7_298_040_000,
      finalExpenditureFen: 9_167_050_000,
      finalOpeningBalanceFen: null,
    });
    expect(put.finalBasicFen).toBe(1_889_030_000);
  });
});
