import { describe, expect, it } from "vitest";
import { GUANGZHOU_TREE, parentOf } from "./default-tree.ts";
import { gradeOf, type RuleInputs, scoreRule } from "./scoring-rules.ts";
import { type StoredItem, scoreTree } from "./scoring-tree.ts";
import { canonicalJson, contentHash } from "./snapshot.ts";

const WAN = 1_000_000;
const inputs: RuleInputs = {
  budgetFen: 1000 * WAN,
  executedFen: 950 * WAN,
  carryOverFen: 50 * WAN,
  fiscalBudgetFen: 1000 * WAN,
  fiscalActualFen: 1040 * WAN,
  procurementPlanFen: 100 * WAN,
  procurementActualFen: 90 * WAN,
  fixedAssetsTotalFen: 200 * WAN,
  fixedAssetsInUseFen: 150 * WAN,
  publicFundsBudgetFen: 10 * WAN,
  publicFundsActualFen: 9 * WAN,
  threePublicBudgetFen: 2 * WAN,
  threePublicActualFen: 2 * WAN,
  indicators: 8,
  indicatorsMet: 6,
};

describe("automatic rules", () => {
  it("预算完成率: full marks inside the 90–100% band, proportional below, none above", () => {
    expect(scoreRule("budget_execution_band", { low: 0.9, high: 1 }, 4, inputs)).toMatchObject({ score: 4 });
    expect(
      scoreRule("budget_execution_band", { low: 0.9, high: 1 }, 4, { ...inputs, executedFen: 450 * WAN }).score,
    ).toBe(2);
    expect(
      scoreRule("budget_execution_band", { low: 0.9, high: 1 }, 4, { ...inputs, executedFen: 1001 * WAN }).score,
    ).toBe(0);
    expect(scoreRule("budget_execution_band", {}, 4, inputs).computation).toContain("95.00%");
  });
  it("预决算差异率 < 5% (4% passes, 5% fails)", () => {
    expect(scoreRule("revenue_variance", { max: 0.05 }, 2, inputs).score).toBe(2);
    expect(scoreRule("revenue_variance", { max: 0.05 }, 2, { ...inputs, fiscalActualFen: 950 * WAN }).score).toBe(0);
  });
  it("结转结余率 ≤ 10% (10% passes, 10.1% fails)", () => {
    expect(scoreRule("carry_over_rate", { max: 0.1 }, 2, { ...inputs, carryOverFen: 100 * WAN }).score).toBe(2);
    expect(scoreRule("carry_over_rate", { max: 0.1 }, 2, { ...inputs, carryOverFen: 101 * WAN }).score).toBe(0);
  });
  it("公用经费/三公经费控制率 < 100%: spending the whole budget fails", () => {
    expect(scoreRule("public_funds_control", { max: 1 }, 2, inputs).score).toBe(2);
    expect(scoreRule("three_public_control", { max: 1 }, 2, inputs).score).toBe(0);
    expect(
      scoreRule("three_public_control", { max: 1 }, 2, { ...inputs, threePublicBudgetFen: 0, threePublicActualFen: 0 })
        .score,
    ).toBe(2);
  });
  it("固定资产利用率, 政府采购 and 履职效能 from the indicators", () => {
    expect(scoreRule("fixed_asset_utilization", {}, 2, inputs).score).toBe(1.5);
    expect(scoreRule("procurement_execution", {}, 2, inputs).score).toBe(2);
    expect(scoreRule("procurement_execution", {}, 2, { ...inputs, procurementActualFen: 101 * WAN }).score).toBe(0);
    expect(scoreRule("duty_effectiveness", {}, 50, inputs)).toMatchObject({ score: 37.5 });
    expect(scoreRule("duty_effectiveness", {}, 50, { ...inputs, indicators: 0 }).score).toBeNull();
  });
  it("grades at 90 / 80 / 60", () => {
    expect([gradeOf(90), gradeOf(89.99), gradeOf(80), gradeOf(79), gradeOf(60), gradeOf(59.5)]).toEqual([
      "优",
      "良",
      "良",
      "中",
      "中",
      "差",
    ]);
  });
});

function tree(scores: Record<string, number>): StoredItem[] {
  return GUANGZHOU_TREE.map((n, i) => ({
    code: n.code,
    parentCode: parentOf(n.code),
    name: n.name,
    maxPoints: n.maxPoints,
    minPoints: n.minPoints ?? 0,
    rule: n.rule,
    ruleParams: n.ruleParams ?? {},
    evidence: "",
    score: n.rule === "manual" ? (scores[n.code] ?? n.maxPoints) : null,
    justification: n.rule === "manual" ? "依据充分" : null,
    sortNo: i,
  }));
}

describe("the tree", () => {
  const full: RuleInputs = {
    ...inputs,
    executedFen: 1000 * WAN,
    carryOverFen: 0,
    fiscalActualFen: 1000 * WAN,
    threePublicActualFen: 1 * WAN,
    fixedAssetsInUseFen: 200 * WAN,
    indicatorsMet: 8,
  };
  it("caps 资金管理 (items 17 under a maximum of 16) and says so", () => {
    const t = scoreTree(tree({ "3.1": 0 }), full, true);
    const money = t.items.find((i) => i.code === "1.2");
    expect(money).toMatchObject({ score: 16, rawSum: 17, capped: true });
    expect(money?.computation).toContain("17");
    expect(t.items.find((i) => i.code === "1")?.score).toBe(45);
    expect(t.total).toBe(95);
    expect(t.grade).toBe("优");
    expect(t.missing).toEqual([]);
  });
  it("adds group scores up, applies deductions and lists what is missing", () => {
    const t = scoreTree(tree({ "1.1.1": 1, "3.1": -2 }), full, true);
    expect(t.items.find((i) => i.code === "1.1")?.score).toBe(14);
    expect(t.items.find((i) => i.code === "3")?.score).toBe(-2);
    expect(t.total).toBe(92);
    const gaps = tree({});
    const first = gaps[2];
    if (first) {
      first.score = null;
    }
    const partial = scoreTree(gaps, full, true);
    expect(partial.total).toBeNull();
    expect(partial.missing).toEqual(["1.1.1 绩效目标合理性"]);
  });
  it("frozen versions keep their stored automatic scores instead of recomputing", () => {
    const stored = tree({}).map((s) => (s.code === "2.1" ? { ...s, score: 40, justification: "冻结时的计算" } : s));
    const t = scoreTree(stored, null, false);
    expect(t.items.find((i) => i.code === "2")).toMatchObject({ score: 40 });
    expect(t.items.find((i) => i.code === "2.1")?.computation).toBe("冻结时的计算");
  });
});

describe("snapshot hash", () => {
  it("does not depend on key order and changes with any value", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 1 }] })).toBe('{"a":[{"c":1,"d":2}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
  });
});
