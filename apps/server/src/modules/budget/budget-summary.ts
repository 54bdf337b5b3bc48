import type { BudgetSummary, IdentityBreak } from "../../../../../packages/contracts/src/budget.ts";
import { formatWan } from "../../../../../packages/contracts/src/budget.ts";
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
    identityBreaks: identityBreaks(
      data,
      projectExecutedFen,
      sum(data.revenues, (r) => r.actualFen),
    ),
  };
}

const wanText = (fen: number) => `${formatWan(fen)} 万元`;

/**
 * The identities of the 决算 statement and of the records against it that do not hold. Only
 * figures that were entered are checked; an unentered 结转结余 counts as 0 (the statement then
 * says nothing about it, and a balance needs both sides).
 */
export function identityBreaks(data: YearData, projectListFen: number, revenueSourcesFen: number): IdentityBreak[] {
  const y = data.year;
  const out: IdentityBreak[] = [];
  const check = (key: IdentityBreak["key"], left: [string, number], right: [string, number]) => {
    const differenceFen = left[1] - right[1];
    if (differenceFen !== 0) {
      out.push({
        key,
        message: `${left[0]} ${wanText(left[1])} ≠ ${right[0]} ${wanText(right[1])}，相差 ${wanText(Math.abs(differenceFen))}`,
        leftFen: left[1],
        rightFen: right[1],
        differenceFen,
      });
    }
  };
  const level2 = moneyProjects(data.projects).length;
  if (y.finalProjectFen !== null && level2 > 0) {
    check("project_list", [`${level2} 个二级项目预算完成数合计`, projectListFen], ["决算项目支出", y.finalProjectFen]);
  }
  if (y.finalExpenditureFen !== null && y.finalBasicFen !== null && y.finalProjectFen !== null) {
    check(
      "basic_plus_project",
      ["决算基本支出 + 项目支出", y.finalBasicFen + y.finalProjectFen],
      ["决算支出合计", y.finalExpenditureFen],
    );
  }
  if (y.finalRevenueFen !== null && y.finalExpenditureFen !== null) {
    const opening = y.finalOpeningBalanceFen ?? 0;
    const closing = y.finalClosingBalanceFen ?? 0;
    check(
      "balance",
      ["决算收入合计 + 年初结转结余", y.finalRevenueFen + opening],
      ["决算支出合计 + 年末结转结余", y.finalExpenditureFen + closing],
    );
  }
  if (y.finalRevenueFen !== null && data.revenues.length > 0) {
    check("revenue_sources", ["各收入来源决算数之和", revenueSourcesFen], ["决算收入合计", y.finalRevenueFen]);
  }
  if (y.finalBasicFen !== null && y.basicExecutedFen > 0) {
    check("basic_executed", ["基本支出执行数", y.basicExecutedFen], ["决算基本支出", y.finalBasicFen]);
  }
  return out;
}
