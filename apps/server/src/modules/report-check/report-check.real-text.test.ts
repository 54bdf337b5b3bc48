import { describe, expect, it } from "vitest";
import { checkReportText, type Finding } from "./report-check.service.ts";

function brief(findings: Finding[]): Pick<Finding, "kind" | "line" | "stated" | "computed">[] {
  return findings.map(({ kind, line, stated, computed }) => ({ kind, line, stated, computed }));
}

const lines = (...l: string[]): string => `${l.join("\n")}\n`;

describe("false findings seen on real reports, by class", () => {
  it("reads a list that starts right after a colon or inside a sentence", () => {
    const text = lines(
      "一、基本情况",
      "主要职责：1、贯彻执行党的路线方针。2、负责全区政务服务工作。3、承办区政府交办的其他事项。",
      "年度主要工作如下：1.完成监督指挥工作。2.做好平台维护。",
      "本局的职责是贯彻执行政策 1、负责审批服务；2、负责数据管理；3、负责热线工作。",
      "二、收支情况",
    );
    expect(checkReportText(text)).toEqual([]);
    // The list is read, not ignored: a skipped item in it is still found.
    expect(brief(checkReportText(text.replace("3、承办", "4、承办")))).toEqual([
      { kind: "numbering", line: 2, stated: "4、", computed: "3." },
    ]);
  });

  it("recognizes a marker with a space inside (“一 、”, “（ 二 ）”)", () => {
    const text = lines(
      "一、基本情况",
      "（一）部门概况",
      "内容。",
      "二 、部门收支",
      "（一）收入",
      "（ 二 ）支出",
      "三、评价",
    );
    expect(checkReportText(text)).toEqual([]);
  });

  it("nests a list that restarts its numbering inside an item (a quoted list of duties)", () => {
    const text = lines(
      "一、基本情况",
      "1.主要职责",
      "根据区委办印发的规定，本局主要职责是：",
      "1.贯彻执行国家法律法规。",
      "2.负责政务服务管理。",
      "3.承办区政府交办的其他事项。",
      "2.机构设置",
      "1、办公室。2、审批科。",
      "3.人员情况",
      "本局编制 10 人。",
    );
    expect(checkReportText(text)).toEqual([]);
    // The outer list is still checked once the quoted one ends.
    expect(brief(checkReportText(text.replace("3.人员情况", "4.人员情况")))).toEqual([
      { kind: "numbering", line: 9, stated: "4.", computed: "3." },
    ]);
  });

  it("does not sum a 其中 list that is not exhaustive (posts inside a head count, examples)", () => {
    const text = lines(
      "一、基本情况",
      "实有人员 30 人，其中局长 1 人，副局长 2 人，科长 5 人。",
      "年末在编 25 人，其中：党员 18 人，女性 12 人。",
      "全年办件 5000 件，其中不动产登记 1200 件、社保 800 件等。",
      "项目支出 500 万元，主要用于：信息化建设 200 万元，运维 150 万元。",
    );
    expect(checkReportText(text)).toEqual([]);
    // A partition of the same head count is still summed.
    const partition = lines("一、基本情况", "实有人员 30 人，其中在职 20 人，退休 9 人。");
    expect(brief(checkReportText(partition))).toEqual([
      { kind: "sum_mismatch", line: 2, stated: "30 人", computed: "29 人" },
    ]);
  });

  it("does not sum a breakdown that runs off the end of the text (an excerpt)", () => {
    const cut = lines("一、基本情况", "项目支出 500 万元，其中：信息化建设 200 万元，运维 150 万元，");
    expect(checkReportText(cut)).toEqual([]);
    const cutInBracket = "一、基本情况\n聘用人员 20 人（其中：窗口人员 12 人，后勤人员 3 人";
    expect(checkReportText(cutInBracket)).toEqual([]);
    const list = lines(
      "一、基本情况",
      "（一）重点项目支出",
      "项目支出 900 万元。",
      "1.项目甲，年度预算数 100 万元。",
      "2.项目乙，年度预算数 200 万元。",
      "3.项目丙，年度预算数 300 万元。",
    );
    expect(checkReportText(list)).toEqual([]);
    // The same breakdown closed by a full stop is summed.
    expect(brief(checkReportText(cut.replace("150 万元，", "150 万元。")))).toEqual([
      { kind: "sum_mismatch", line: 2, stated: "500 万元", computed: "350 万元" },
    ]);
  });

  it("does not read two parallel clauses (budget and actual, other numbers) as a duplicated sentence", () => {
    const text = lines(
      "一、基本情况",
      "本年度预算安排 100 万元，用于保障单位日常运转经费支出，本年度实际支出 95 万元，用于保障单位日常运转经费支出。",
      "基本支出预算 60 万元，主要用于保障机构正常运转和完成日常工作任务。",
      "基本支出决算 58 万元，主要用于保障机构正常运转和完成日常工作任务。",
    );
    expect(checkReportText(text)).toEqual([]);
  });
});
