import type { Rule } from "../../../../../packages/contracts/src/self-evaluation.ts";

export type TreeNode = {
  code: string;
  name: string;
  maxPoints: number;
  minPoints?: number;
  rule: Rule;
  ruleParams?: Record<string, number>;
  evidence?: string;
};

/**
 * The Guangzhou overall-expenditure tree as the seed report gives it (domain-rules §5), copied
 * into each new evaluation, where it is data. Note 资金管理's items sum to 17 under a cap of 16:
 * kept as published; the cap is applied and shown.
 */
export const GUANGZHOU_TREE: TreeNode[] = [
  { code: "1", name: "管理效能", maxPoints: 45, rule: "sum" },
  { code: "1.1", name: "绩效管理", maxPoints: 15, rule: "sum" },
  { code: "1.1.1", name: "绩效目标合理性", maxPoints: 2, rule: "manual", evidence: "部门整体绩效目标申报表" },
  { code: "1.1.2", name: "绩效管理制度建设", maxPoints: 3, rule: "manual", evidence: "绩效管理制度文件" },
  { code: "1.1.3", name: "绩效目标完成率", maxPoints: 2, rule: "indicator_completion" },
  { code: "1.1.4", name: "绩效结果应用", maxPoints: 2, rule: "manual", evidence: "监控预警处理记录" },
  { code: "1.1.5", name: "绩效监控和绩效评价开展情况", maxPoints: 4, rule: "manual", evidence: "绩效监控表、评价报告" },
  { code: "1.1.6", name: "绩效指标明确性", maxPoints: 2, rule: "manual", evidence: "绩效指标表" },
  { code: "1.2", name: "资金管理", maxPoints: 16, rule: "sum" },
  { code: "1.2.1", name: "部门预算编制情况", maxPoints: 3, rule: "manual", evidence: "部门预算报送材料" },
  { code: "1.2.2", name: "预算完成率", maxPoints: 4, rule: "budget_execution_band", ruleParams: { low: 0.9, high: 1 } },
  {
    code: "1.2.3",
    name: "财政拨款收入预决算差异率",
    maxPoints: 2,
    rule: "revenue_variance",
    ruleParams: { max: 0.05 },
  },
  { code: "1.2.4", name: "结转结余率", maxPoints: 2, rule: "carry_over_rate", ruleParams: { max: 0.1 } },
  { code: "1.2.5", name: "一般公共预算支出年度平均执行率", maxPoints: 3, rule: "manual", evidence: "月度执行进度表" },
  { code: "1.2.6", name: "部门预算及财务管理制度健全性", maxPoints: 3, rule: "manual", evidence: "财务管理制度" },
  { code: "1.3", name: "采购管理", maxPoints: 2, rule: "sum" },
  { code: "1.3.1", name: "政府采购执行", maxPoints: 2, rule: "procurement_execution" },
  { code: "1.4", name: "信息公开管理", maxPoints: 4, rule: "sum" },
  { code: "1.4.1", name: "预决算信息公开合规性", maxPoints: 2, rule: "manual", evidence: "预决算公开网页" },
  { code: "1.4.2", name: "绩效信息公开情况", maxPoints: 2, rule: "manual", evidence: "绩效信息公开网页" },
  { code: "1.5", name: "资产管理", maxPoints: 4, rule: "sum" },
  { code: "1.5.1", name: "资产账务核对情况", maxPoints: 1, rule: "manual", evidence: "资产账与财务账核对表" },
  { code: "1.5.2", name: "资产管理制度健全性", maxPoints: 1, rule: "manual", evidence: "资产管理制度" },
  { code: "1.5.3", name: "固定资产利用率", maxPoints: 2, rule: "fixed_asset_utilization" },
  { code: "1.6", name: "成本管理", maxPoints: 4, rule: "sum" },
  { code: "1.6.1", name: "公用经费控制率", maxPoints: 2, rule: "public_funds_control", ruleParams: { max: 1 } },
  { code: "1.6.2", name: "三公经费控制率", maxPoints: 2, rule: "three_public_control", ruleParams: { max: 1 } },
  { code: "2", name: "履职效能", maxPoints: 50, rule: "sum" },
  { code: "2.1", name: "项目绩效目标完成情况", maxPoints: 50, rule: "duty_effectiveness" },
  { code: "3", name: "加减分", maxPoints: 5, minPoints: -5, rule: "sum" },
  { code: "3.1", name: "加减分事项", maxPoints: 5, minPoints: -5, rule: "manual", evidence: "表彰、通报等文件" },
];

export const parentOf = (code: string) => (code.includes(".") ? code.slice(0, code.lastIndexOf(".")) : null);
