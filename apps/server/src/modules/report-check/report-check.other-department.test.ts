import { describe, expect, it } from "vitest";
import { checkReportText, type Finding } from "./report-check.service.ts";
import { editLine, OTHER_REPORT } from "./test-reports.ts";

function brief(findings: Finding[]): Pick<Finding, "kind" | "line" | "stated" | "computed">[] {
  return findings.map(({ kind, line, stated, computed }) => ({ kind, line, stated, computed }));
}

describe("checkReportText on a report it has never seen (another department, other layout)", () => {
  it("finds nothing in the consistent report", () => {
    expect(checkReportText(OTHER_REPORT)).toEqual([]);
  });

  const cases: { name: string; text: string; expected: Pick<Finding, "kind" | "line" | "stated" | "computed">[] }[] = [
    {
      name: "总收入 ≠ 财政拨款收入 + 其他收入",
      text: editLine(OTHER_REPORT, 6, "其他收入 432.10 万元", "其他收入 423.10 万元"),
      expected: [{ kind: "sum_mismatch", line: 6, stated: "5432.10 万元", computed: "5423.10 万元" }],
    },
    {
      name: "the project budgets no longer add up to 项目支出",
      text: editLine(
        OTHER_REPORT,
        22,
        "年度预算数 850.50 万元，预算完成数 850.50",
        "年度预算数 805.50 万元，预算完成数 805.50",
      ),
      expected: [{ kind: "sum_mismatch", line: 6, stated: "3331.50 万元", computed: "3286.50 万元" }],
    },
    {
      name: "管理效能 stated 42 while its groups give 43 (so the overall 91 no longer adds up either)",
      text: editLine(OTHER_REPORT, 11, "自评得分 43 分", "自评得分 42 分"),
      expected: [
        { kind: "score_sum_mismatch", line: 9, stated: "91 分", computed: "90 分" },
        { kind: "score_sum_mismatch", line: 11, stated: "42 分", computed: "43 分" },
      ],
    },
    {
      name: "the overall score is not 管理效能 + 履职效能 + 加减分",
      text: editLine(OTHER_REPORT, 9, "自评得分 91 分", "自评得分 92 分"),
      expected: [{ kind: "score_sum_mismatch", line: 9, stated: "92 分", computed: "91 分" }],
    },
    {
      name: "信息公开管理 items 2 + 3 over its 分值 4",
      text: editLine(OTHER_REPORT, 15, "绩效信息公开，自评得分 2 分", "绩效信息公开，自评得分 3 分"),
      expected: [{ kind: "cap_exceeded", line: 15, stated: "4 分", computed: "5 分" }],
    },
    {
      name: "网办率 91.00% while 2880/3200 = 90.00%",
      text: editLine(OTHER_REPORT, 26, "网办率 90.00%", "网办率 91.00%"),
      expected: [{ kind: "rate_mismatch", line: 26, stated: "91.00%", computed: "90.00%" }],
    },
    {
      name: "共涉及资金 in 元 where 项目支出 is in 万元",
      text: editLine(OTHER_REPORT, 9, "3,331.50 万元", "3,331.50 元"),
      expected: [{ kind: "unit_mismatch", line: 9, stated: "3331.50 元", computed: "3331.50 万元" }],
    },
    {
      name: "a sentence repeated",
      text: editLine(OTHER_REPORT, 30, "细化。", "细化。部分项目预算执行进度偏慢，绩效目标设置不够细化。"),
      expected: [
        {
          kind: "duplicate_sentence",
          line: 30,
          stated: "部分项目预算执行进度偏慢，绩效目标设置不够细化",
          computed: "与第30行重复",
        },
      ],
    },
    {
      name: "an item number skipped",
      text: editLine(OTHER_REPORT, 33, "（二）细化", "（三）细化"),
      expected: [{ kind: "numbering", line: 33, stated: "（三）", computed: "（二）" }],
    },
  ];

  for (const c of cases) {
    it(`reports ${c.expected[0]?.kind} when ${c.name}`, () => {
      expect(brief(checkReportText(c.text))).toEqual(c.expected);
    });
  }

  it("reads full-width digits and percent signs as numbers", () => {
    const fullWidth = editLine(
      OTHER_REPORT,
      26,
      "2,880 家实现全程网办，网办率 90.00%",
      "２８８０ 家实现全程网办，网办率 ９１．００％",
    );
    expect(brief(checkReportText(fullWidth))).toEqual([
      { kind: "rate_mismatch", line: 26, stated: "91.00%", computed: "90.00%" },
    ]);
  });

  it("leaves growth rates, bounds and ranges alone", () => {
    const text = [
      "一、基本情况",
      "总支出 100 万元，其中基本支出 30 万元，项目支出 70 万元，较上年增加 5 万元。",
      "全年受理工单 1,000 宗，同比增长 12.5%，按时办结 990 宗。",
      "预算完成率在 100%-90% 之间，差异率小于 5%，结转结余率≤10%。",
      "",
    ].join("\n");
    expect(checkReportText(text)).toEqual([]);
  });

  it("checks a breakdown opened by 其中 after a full stop, and skips figures nested in brackets", () => {
    const text = [
      "一、基本情况",
      "现有编制人员 205 人。其中，局机关在职 113 人、离休 2 人、退休 75 人、财政事务中心 10 人，国库集中支付中心 5 人。",
      "聘用人员 20 人（其中：窗口人员 12 人（含借调 2 人），后勤人员 8 人）。",
      "",
    ].join("\n");
    expect(checkReportText(text)).toEqual([]);
    expect(brief(checkReportText(text.replace("退休 75 人", "退休 76 人")))).toEqual([
      { kind: "sum_mismatch", line: 2, stated: "205 人", computed: "206 人" },
    ]);
    expect(brief(checkReportText(text.replace("后勤人员 8 人", "后勤人员 9 人")))).toEqual([
      { kind: "sum_mismatch", line: 3, stated: "20 人", computed: "21 人" },
    ]);
  });

  it("checks a 合计 stated after its parts", () => {
    const text = ["一、基本情况", "人员经费 30.50 万元，公用经费 20.25 万元，合计 50.75 万元。", ""].join("\n");
    expect(checkReportText(text)).toEqual([]);
    expect(brief(checkReportText(text.replace("50.75", "51.75")))).toEqual([
      { kind: "sum_mismatch", line: 2, stated: "51.75 万元", computed: "50.75 万元" },
    ]);
  });
});
