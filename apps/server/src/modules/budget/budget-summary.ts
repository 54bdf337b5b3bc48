import type { BudgetSummary } from "../../../../../packages/contracts/src/budget.ts";
import type { IndicatorRow, ProjectRow, YearData } from "./budget.repo.ts";

/** Whether an indicator's actual value meets its target; null while no actual is recorded. */
export function indicatorMet(i: Pick<IndicatorRow, "comparator" | "target" | "actual">): boolean | null {
  if (i.actual === null) {
    return null;
  }
  switch (i.comparator) {
    case ">=":
      return i.actual >= i.target;
    case "<=":
      return i.actual <= i.target;
    case ">":
      return i.actual > i.target;
    case "<":
      return i.actual < i.target;
    default:
      return Math.abs(i.actual - i.target) < 1e-9;
  }
}

/** 年度预算数 of a project: the budget with its adjustments. */
export const projectBudget = (p: Pick<ProjectRow, "budgetFen" | "adjustmentFen">) => p.budgetFen + p.adjustmentFen;

export const round4 = (x: number) => Math.round(x * 10000) / 10000;
export const ratio = (num: number, den: number) => (den > 0 ? round4(num / den) : null);

/** Money projects are the level-2 ones (level 1 only groups them). */
export const moneyProjects = (projects: ProjectRow[]) => projects.filter((p) => p.level === 2);

/** The year's totals, all computed from its rows. */
export function summarize(data: YearData): BudgetSummary {
  const projects = moneyProjects(data.projects);
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const fiscal = data.revenues.find((r) => r.source === "fiscal_appropriation");
  const projectBudgetFen = sum(projects, projectBudget);
  const projectExecutedFen = sum(projects, (p) => p.executedFen);
  const indicators = projects.flatMap((p) => data.indicators.get(p.id) ?? []);
  return {
    revenueBudgetFen: sum(data.revenues, (r) => r.budgetFen),
    revenueActualFen: sum(data.revenues, (r) => r.actualFen),
    fiscalBudgetFen: fiscal?.budgetFen ?? 0,
    fiscalActualFen: fiscal?.actualFen ?? 0,
    basicExecutedFen: data.year.basicExecutedFen,
    projectBudgetFen,
    projectExecutedFen,
    expenditureFen: data.year.basicExecutedFen + projectExecutedFen,
    carryOverFen: sum(projects, (p) => p.carryOverFen),
    level1Projects: data.projects.filter((p) => p.level === 1).length,
    level2Projects: projects.length,
    governmentFundProjects: projects.filter((p) => p.fundType === "government_fund").length,
    executionRate: ratio(projectExecutedFen, projectBudgetFen),
    indicators: indicators.length,
    indicatorsMet: indicators.filter((i) => indicatorMet(i) === true).length,
  };
}
