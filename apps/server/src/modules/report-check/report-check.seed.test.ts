import { describe, expect, it } from "vitest";
import { checkReportText, type Finding } from "./report-check.service.ts";
import { editLine, fixSeed, readSeed } from "./test-reports.ts";

const seed = readSeed();
const fixed = fixSeed(seed);

function brief(findings: Finding[]): Pick<Finding, "kind" | "line" | "stated" | "computed">[] {
  return findings.map(({ kind, line, stated, computed }) => ({ kind, line, stated, computed }));
}

describe("checkReportText on the seed report", () => {
  it("finds exactly the defects of domain-rules §6", () => {
    expect(brief(checkReportText(seed))).toEqual([
      // 累计处理核酸人员数据共约 4 亿人次以上 — twice in a row in one paragraph
      {
        kind: "duplicate_sentence",
        line: 309,
        stated: "累计处理核酸人员数据共约 4亿人次以上",
        computed: "与第307行重复",
      },
      // 项目支出 7,278.02 万元 vs the 25 listed 年度预算数 of 二（三）, which add up to 7,298.04
      { kind: "sum_mismatch", line: 448, stated: "7278.02 万元", computed: "7298.04 万元" },
      // 共涉及资金 7,278.02 元 — the same figure is 7,278.02 万元 at line 448
      { kind: "unit_mismatch", line: 469, stated: "7278.02 元", computed: "7278.02 万元" },
      // 管理效能 stated 44, groups 15+16+2+4+4+4 = 45
      { kind: "score_sum_mismatch", line: 481, stated: "44 分", computed: "45 分" },
      // 资金管理 items 3+4+2+2+3+3 = 17 > 分值 16. Its stated 16 is the capped score (level-2 scores
      // are capped at their maximum), so no score_sum_mismatch is reported for it.
      { kind: "cap_exceeded", line: 508, stated: "16 分", computed: "17 分" },
      // 二（四）: 1. 2. 3. 3. 4. 5. — "3." repeats, "5." is empty
      { kind: "numbering", line: 718, stated: "3.", computed: "4." },
      { kind: "numbering", line: 737, stated: "5.", computed: "（无内容）" },
    ]);
  });

  it("writes the messages in Chinese with both figures", () => {
    const messages = checkReportText(seed).map((f) => f.message);
    expect(messages).toContain("管理效能各项得分之和为 45 分，与所述 44 分不符");
    expect(messages).toContain("资金管理各项得分之和为 17 分，超过其分值 16 分");
    expect(messages).toContain("第577行起所列 25 项“年度预算数”之和为 7298.04 万元，与所述项目支出 7278.02 万元不符");
  });

  it("accepts a list whose gap to the stated 项目支出 the report states right after it, and only that gap", () => {
    const sumOf = (text: string) => checkReportText(text).filter((f) => f.computed === "7298.04 万元");
    expect(sumOf(seed)).toHaveLength(1);
    const disclose = (gap: string) =>
      editLine(
        seed,
        685,
        "成率 100%。",
        `成率 100%。\n以上 25 个项目预算完成数合计 7,298.04 万元，与决算项目支出 7,278.02 万元相差 ${gap} 万元。`,
      );
    expect(sumOf(disclose("20.02"))).toEqual([]);
    expect(sumOf(disclose("10.00"))).toHaveLength(1);
  });

  it("finds nothing once the seed's defects are corrected", () => {
    expect(checkReportText(fixed)).toEqual([]);
  });

  it("does not treat the open bracket of “（2 加强…” (line 129) as a numbering defect", () => {
    // Decision: "（2 " followed by text is item 2 with its closing bracket lost in the PDF; the
    // sequence （1）（2）（3）… is intact, so it is not a numbering break (domain-rules does not list it).
    expect(checkReportText(seed).filter((f) => f.line === 129)).toEqual([]);
    // It is read as a number, not skipped: as "（4" it breaks the sequence.
    const renumbered = editLine(fixed, 129, "（2 加强", "（4 加强");
    expect(brief(checkReportText(renumbered))).toEqual([
      { kind: "numbering", line: 129, stated: "（4", computed: "（2）" },
      { kind: "numbering", line: 157, stated: "（3）", computed: "（5）" },
    ]);
  });

  it("does not flag the consistent claims (rates, totals, matching group scores)", () => {
    const lines = checkReportText(seed).map((f) => f.line);
    // 1233/2166 = 56.93%, 3549/11599 = 30.60% (lines 170–174 and 694–698)
    for (const line of [170, 174, 696, 698]) {
      expect(lines).not.toContain(line);
    }
    // 9,167.05 = 1,889.03 + 7,278.02 (line 446) and the 100% of each of the 25 projects (577–685)
    expect(lines.filter((l) => l === 446 || (l >= 577 && l <= 685))).toEqual([]);
  });
});

describe("checkReportText on the corrected seed with one injected error", () => {
  const cases: { name: string; text: string; expected: Pick<Finding, "kind" | "line" | "stated" | "computed">[] }[] = [
    {
      name: "a project's budget changed (0.21 → 0.51 万元, budget and execution)",
      text: editLine(fixed, 581, "0.21", "0.51"),
      expected: [{ kind: "sum_mismatch", line: 448, stated: "7278.02 万元", computed: "7278.32 万元" }],
    },
    {
      name: "a sub-score lowered (资产管理制度健全性 1 → 0)",
      text: editLine(fixed, 553, "有效执行，自评得分 1 分", "有效执行，自评得分 0 分"),
      expected: [{ kind: "score_sum_mismatch", line: 548, stated: "4 分", computed: "3 分" }],
    },
    {
      name: "a sub-score raised past its group's cap (绩效目标完成率 2 → 3)",
      text: editLine(fixed, 493, "自评得分 2 分", "自评得分 3 分"),
      expected: [{ kind: "cap_exceeded", line: 483, stated: "15 分", computed: "16 分" }],
    },
    {
      name: "a group score changed (成本管理 4 → 3), which also breaks 管理效能",
      text: editLine(fixed, 557, "分值 4 分，自评得分 4 分", "分值 4 分，自评得分 3 分"),
      expected: [
        { kind: "score_sum_mismatch", line: 481, stated: "45 分", computed: "44 分" },
        { kind: "score_sum_mismatch", line: 557, stated: "3 分", computed: "4 分" },
      ],
    },
    {
      name: "a score above its 分值 (履职效能 52 of 50)",
      text: editLine(fixed, 565, "自评得分 50 分", "自评得分 52 分"),
      expected: [{ kind: "cap_exceeded", line: 565, stated: "50 分", computed: "52 分" }],
    },
    {
      name: "a percentage changed (落实率 56.93% → 59.63%)",
      text: editLine(fixed, 170, "56.93%", "59.63%"),
      expected: [{ kind: "rate_mismatch", line: 170, stated: "59.63%", computed: "56.93%" }],
    },
    {
      name: "a project's completion rate changed (100% → 98%)",
      text: editLine(fixed, 591, "预算完成率 100%", "预算完成率 98%"),
      expected: [{ kind: "rate_mismatch", line: 591, stated: "98%", computed: "100%" }],
    },
    {
      name: "another sentence duplicated back to back",
      text: editLine(fixed, 573, "本部门本年度无加减分项。", "本部门本年度无加减分项。本部门本年度无加减分项。"),
      expected: [
        { kind: "duplicate_sentence", line: 573, stated: "本部门本年度无加减分项", computed: "与第573行重复" },
      ],
    },
    {
      name: "a wrapped sentence repeated in its paragraph",
      text: editLine(fixed, 786, "有利于推进", "进驻编外人员由我局统一优化、雇员化管理，有利于推进"),
      expected: [
        {
          kind: "duplicate_sentence",
          line: 786,
          stated: "进驻编外人员由我局统一优化、雇员化管理",
          computed: "与第784行重复",
        },
      ],
    },
    {
      name: "a section renumbered (四、 → 五、)",
      text: editLine(fixed, 788, "四、下一步改进措施", "五、下一步改进措施"),
      expected: [{ kind: "numbering", line: 788, stated: "五、", computed: "四、" }],
    },
    {
      name: "a sub-section renumbered ((二) → (三), so (三) repeats)",
      text: editLine(fixed, 755, "（二）明确广州", "（三）明确广州"),
      expected: [
        { kind: "numbering", line: 755, stated: "（三）", computed: "（二）" },
        { kind: "numbering", line: 769, stated: "（三）", computed: "（四）" },
      ],
    },
    {
      name: "an empty numbered item appended",
      text: editLine(fixed, 685, "成率 100%。", "成率 100%。26."),
      expected: [{ kind: "numbering", line: 685, stated: "26.", computed: "（无内容）" }],
    },
    {
      name: "元 for 万元 on a part of a total (基本支出 1,889.03 元)",
      text: editLine(fixed, 446, "1,889.03 万元", "1,889.03 元"),
      expected: [{ kind: "unit_mismatch", line: 446, stated: "1889.03 元", computed: "1889.03 万元" }],
    },
    {
      name: "元 for 万元 on a project's execution (228.38 元 next to 228.38 万元)",
      text: editLine(fixed, 579, "预算完成数 228.38 万元", "预算完成数 228.38 元"),
      expected: [{ kind: "unit_mismatch", line: 579, stated: "228.38 元", computed: "228.38 万元" }],
    },
    {
      name: "总支出 no longer 基本支出 + 项目支出",
      text: editLine(fixed, 446, "总支出 9,167.05 万元", "总支出 9,176.05 万元"),
      expected: [{ kind: "sum_mismatch", line: 446, stated: "9176.05 万元", computed: "9167.05 万元" }],
    },
    {
      name: "parts in brackets that do not add up (20 人 vs 4 + 15)",
      text: editLine(fixed, 765, "其他聘员 16 人", "其他聘员 15 人"),
      expected: [{ kind: "sum_mismatch", line: 765, stated: "20 人", computed: "19 人" }],
    },
  ];

  for (const c of cases) {
    it(`reports ${c.expected.map((e) => e.kind).join(" + ")} when ${c.name}`, () => {
      expect(brief(checkReportText(c.text))).toEqual(c.expected);
    });
  }

  it("adds the injected finding to the seed's own findings", () => {
    const injected = editLine(seed, 170, "56.93%", "59.63%");
    const findings = brief(checkReportText(injected));
    expect(findings).toHaveLength(8);
    expect(findings).toContainEqual({ kind: "rate_mismatch", line: 170, stated: "59.63%", computed: "56.93%" });
  });

  it("recomputes the list total from the figures, not from a constant", () => {
    const injected = editLine(seed, 581, "0.21", "0.51");
    expect(brief(checkReportText(injected))).toContainEqual({
      kind: "sum_mismatch",
      line: 448,
      stated: "7278.02 万元",
      computed: "7298.34 万元",
    });
  });
});
