import { formatWan } from "../../../../../packages/contracts/src/budget.ts";
import type { Rule } from "../../../../../packages/contracts/src/self-evaluation.ts";

/** What the automatic rules read: the year's money and the projects' indicators. */
export type RuleInputs = {
  budgetFen: number;
  executedFen: number;
  carryOverFen: number;
  fiscalBudgetFen: number;
  fiscalActualFen: number;
  procurementPlanFen: number;
  procurementActualFen: number;
  fixedAssetsTotalFen: number;
  fixedAssetsInUseFen: number;
  publicFundsBudgetFen: number;
  publicFundsActualFen: number;
  threePublicBudgetFen: number;
  threePublicActualFen: number;
  indicators: number;
  indicatorsMet: number;
};

export type RuleResult = { score: number | null; computation: string };

export const roundPoints = (x: number) => Math.round(x * 100) / 100;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const wan = (fen: number) => `${formatWan(fen)} 万元`;
const pts = (x: number) => `${roundPoints(x)} 分`;

function missing(what: string): RuleResult {
  return { score: null, computation: `缺少数据：${what}，无法自动评分` };
}

/** Full marks when actual ÷ budget stays under the limit (an empty budget with no spending passes). */
function control(label: string, actual: number, budget: number, limit: number, max: number): RuleResult {
  if (budget <= 0) {
    return actual > 0
      ? { score: 0, computation: `${label}：无预算却支出 ${wan(actual)}，得 0 分` }
      : { score: max, computation: `${label}：本年度无预算、无支出，得满分 ${pts(max)}` };
  }
  const rate = actual / budget;
  const ok = rate < limit;
  return {
    score: ok ? max : 0,
    computation: `${label} = 实际 ${wan(actual)} ÷ 预算 ${wan(budget)} = ${pct(rate)}，${ok ? "小于" : "不小于"} ${pct(limit)}，得 ${pts(ok ? max : 0)}`,
  };
}

/** Scores one automatic rule from the year's data, with the computation spelled out. */
export function scoreRule(rule: Rule, params: Record<string, number>, max: number, d: RuleInputs): RuleResult {
  switch (rule) {
    case "indicator_completion":
    case "duty_effectiveness": {
      if (d.indicators === 0) {
        return missing("项目绩效指标");
      }
      const rate = d.indicatorsMet / d.indicators;
      return {
        score: roundPoints(max * rate),
        computation: `绩效指标达标 ${d.indicatorsMet} 个 ÷ 指标总数 ${d.indicators} 个 = ${pct(rate)}，得 ${pts(max)} × ${pct(rate)} = ${pts(max * rate)}`,
      };
    }
    case "budget_execution_band": {
      if (d.budgetFen <= 0) {
        return missing("年度预算数");
      }
      const low = params.low ?? 0.9;
      const high = params.high ?? 1;
      const rate = d.executedFen / d.budgetFen;
      const score = rate > high ? 0 : rate >= low ? max : max * (rate / low);
      const band =
        rate > high ? "超出预算" : rate >= low ? `在 ${pct(low)}–${pct(high)} 区间内` : `低于 ${pct(low)}，按比例计分`;
      return {
        score: roundPoints(score),
        computation: `预算完成率 = 执行数 ${wan(d.executedFen)} ÷ 预算数 ${wan(d.budgetFen)} = ${pct(rate)}，${band}，得 ${pts(score)}`,
      };
    }
    case "revenue_variance": {
      if (d.fiscalBudgetFen <= 0) {
        return missing("财政拨款收入年初预算数");
      }
      const limit = params.max ?? 0.05;
      const rate = Math.abs(d.fiscalActualFen - d.fiscalBudgetFen) / d.fiscalBudgetFen;
      const ok = rate < limit;
      return {
        score: ok ? max : 0,
        computation: `预决算差异率 = |决算 ${wan(d.fiscalActualFen)} − 预算 ${wan(d.fiscalBudgetFen)}| ÷ 预算 = ${pct(rate)}，${ok ? "小于" : "不小于"} ${pct(limit)}，得 ${pts(ok ? max : 0)}`,
      };
    }
    case "carry_over_rate": {
      if (d.budgetFen <= 0) {
        return missing("年度预算数");
      }
      const limit = params.max ?? 0.1;
      const rate = d.carryOverFen / d.budgetFen;
      const ok = rate <= limit;
      return {
        score: ok ? max : 0,
        computation: `结转结余率 = 结转结余 ${wan(d.carryOverFen)} ÷ 预算数 ${wan(d.budgetFen)} = ${pct(rate)}，${ok ? "不超过" : "超过"} ${pct(limit)}，得 ${pts(ok ? max : 0)}`,
      };
    }
    case "procurement_execution": {
      const ok = d.procurementActualFen <= d.procurementPlanFen;
      return {
        score: ok ? max : 0,
        computation: `实际采购 ${wan(d.procurementActualFen)}${ok ? "未超过" : "超过"}采购计划 ${wan(d.procurementPlanFen)}，得 ${pts(ok ? max : 0)}`,
      };
    }
    case "fixed_asset_utilization": {
      if (d.fixedAssetsTotalFen <= 0) {
        return missing("固定资产总额");
      }
      const rate = Math.min(1, d.fixedAssetsInUseFen / d.fixedAssetsTotalFen);
      return {
        score: roundPoints(max * rate),
        computation: `固定资产利用率 = 在用 ${wan(d.fixedAssetsInUseFen)} ÷ 总额 ${wan(d.fixedAssetsTotalFen)} = ${pct(rate)}，得 ${pts(max * rate)}`,
      };
    }
    case "public_funds_control":
      return control("公用经费控制率", d.publicFundsActualFen, d.publicFundsBudgetFen, params.max ?? 1, max);
    case "three_public_control":
      return control("三公经费控制率", d.threePublicActualFen, d.threePublicBudgetFen, params.max ?? 1, max);
    case "sum":
    case "manual":
      return { score: null, computation: "" };
  }
}

/** 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export function gradeOf(total: number): "优" | "良" | "中" | "差" {
  return total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
}
