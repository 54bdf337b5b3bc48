import { describe, expect, it } from "vitest";
import { scoreProse } from "./score-prose.ts";

describe("score explanations in 公文 prose", () => {
  it("states a rate, its terms and its band, not the formula", () => {
    expect(
      scoreProse(
        "预算完成率 = 执行数 9,167.05 万元 ÷ 预算数 9,187.07 万元 = 97.23%，在 90.00%–100.00% 区间内，得 4 分",
      ),
    ).toBe("预算完成率为 97.23%（执行数 9,167.05 万元，预算数 9,187.07 万元），处于 90%–100% 区间");
  });

  it("writes a zero amount as 0 元 and keeps the comparison with the limit", () => {
    expect(scoreProse("结转结余率 = 结转结余 0.00 万元 ÷ 预算数 9,187.07 万元 = 0.00%，不超过 10.00%，得 2 分")).toBe(
      "结转结余率为 0%（结转结余 0 元，预算数 9,187.07 万元），不超过 10%",
    );
    expect(
      scoreProse("预决算差异率 = |决算 9,167.05 万元 − 预算 9,167.05 万元| ÷ 预算 = 0.00%，小于 5.00%，得 2 分"),
    ).toBe("预决算差异率为 0%（决算 9,167.05 万元，预算 9,167.05 万元），小于 5%");
  });

  it("turns the indicator count into a sentence", () => {
    expect(scoreProse("绩效指标达标 75 个 ÷ 指标总数 75 个 = 100.00%，得 50 分 × 100.00% = 50 分")).toBe(
      "本年度 75 个绩效指标中 75 个达到指标值，达标率 100%，按达标率计分",
    );
  });

  it("drops the score from a sentence that is already prose, and leaves an officer's text as written", () => {
    expect(scoreProse("实际采购 3,986.51 万元未超过采购计划 4,100.00 万元，得 2 分")).toBe(
      "实际采购 3,986.51 万元未超过采购计划 4,100.00 万元",
    );
    expect(scoreProse("本部门所设立的整体绩效目标依据充分。")).toBe("本部门所设立的整体绩效目标依据充分");
    expect(scoreProse("公用经费控制率 = 实际 179.62 万元 ÷ 预算 186.40 万元 = 96.36%，小于 100.00%，得 2 分")).toBe(
      "公用经费控制率为 96.36%（实际 179.62 万元，预算 186.40 万元），小于 100%",
    );
  });
});
