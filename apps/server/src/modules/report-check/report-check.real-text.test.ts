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

describe("false findings on real reports, hardened", () => {
  it("does not read a whole number of 元 (a real small amount) as a slip for 万元", () => {
    const text = lines(
      "一、基本情况",
      "下达困难群众救助资金 500 万元。",
      "为每名困难群众发放慰问金 500 元，交通补助标准 200 元/人。",
      "项目支出 200 万元。",
    );
    expect(checkReportText(text)).toEqual([]);
    // Written to the fen, the same figure in 元 is the slip.
    const slip = lines("一、基本情况", "下达困难群众救助资金 500.00 万元。", "上述资金已全部拨付，共 500.00 元。");
    expect(brief(checkReportText(slip))).toEqual([
      { kind: "unit_mismatch", line: 3, stated: "500.00 元", computed: "500.00 万元" },
    ]);
  });

  it("does not read an excerpt that starts in the middle of a list as skipped numbers", () => {
    const text = lines(
      "比上年无变化。",
      "5.经营收入 0.00 万元，本单位无经营收入。",
      "6.其他收入 0.00 万元，本单位无其他收入。",
      "（二）本单位 2023 年度总支出 125.08 万元。",
      "（三）其他事项。",
    );
    expect(checkReportText(text)).toEqual([]);
    // Under a section heading the same list is checked.
    expect(brief(checkReportText(`一、收入决算情况\n${text}`))).toEqual([
      { kind: "numbering", line: 3, stated: "5.", computed: "1." },
      { kind: "numbering", line: 5, stated: "（二）", computed: "（一）" },
    ]);
  });

  it("ends a 其中 breakdown at a “；” that follows parts separated by “，”", () => {
    const text = lines("一、基本情况", "编制 50 名，其中：行政编制 30 名，事业编制 20 名；实有 45 名。");
    expect(checkReportText(text)).toEqual([]);
  });

  it("reads a count whose names follow in brackets, not a bracketed breakdown with figures", () => {
    const text = lines(
      "一、基本情况",
      "内设机构 5 个（办公室、审批科、督查科、信息科）。",
      "领导职数 5 名（局长 1 名，副局长 4 名）。",
      "下属单位 12 个（其中街道 3 个、镇 9 个）。",
    );
    expect(brief(checkReportText(text))).toEqual([
      { kind: "count_mismatch", line: 2, stated: "5 个", computed: "4 个" },
    ]);
  });

  it("reads a flattened PDF: inline page numbers and an item that lost its “.” are not numbering defects", () => {
    const text = lines(
      "职能职责：1. 贯彻执行城市管理法规。 2. 负责组织协调。 - 1 - 3. 负责设施维护管理。 4. 负责城市供水管理。 5 负责全区园林绿化管理。 6. 负责绿地系统规划编制。",
    );
    expect(checkReportText(text)).toEqual([]);
    // Both defects of one line are reported: "4." skips 3 and the next "4." repeats it.
    const twice = lines("一、职能", "1. 甲。2. 乙。4. 丙。4. 丁。5. 戊。");
    expect(brief(checkReportText(twice))).toEqual([
      { kind: "numbering", line: 2, stated: "4.", computed: "3." },
      { kind: "numbering", line: 2, stated: "4.", computed: "5." },
    ]);
  });

  it("reads the budget figures after a heading joined onto them, but not 财政拨款 figures", () => {
    const text = lines(
      "部门整体收支情况",
      "本年度收入 520.00 万元，年初结转结余 30.00 万元；本年度支出 500.00 万元，年末结转结余 40.00 万元。",
    );
    expect(brief(checkReportText(text))).toEqual([
      {
        kind: "balance_mismatch",
        line: 2,
        stated: "收入 + 年初结转结余 = 550.00 万元",
        computed: "支出 + 年末结转结余 = 540.00 万元",
      },
    ]);
    const grants = lines(
      "一、收支",
      "财政拨款收入 520.00 万元，年初财政拨款结转和结余 30.00 万元；财政拨款支出 500.00 万元，年末财政拨款结转和结余 40.00 万元。",
    );
    expect(checkReportText(grants)).toEqual([]);
  });

  it("balances carry-over under one heading and 基本支出 + 项目支出 across paragraphs", () => {
    const text = lines(
      "一、收支情况",
      "（一）收支总体情况",
      "2022 年度收入 1000.00 万元，本年支出 980.00 万元。",
      "（二）财政拨款收支情况",
      "年初结转和结余 50.00 万元，年末结转和结余 60.00 万元。",
      "二、支出情况",
      "本年支出合计 980.00 万元。",
      "1.基本支出 300.00 万元。",
      "2.项目支出 690.00 万元。",
    );
    expect(brief(checkReportText(text))).toEqual([
      { kind: "balance_mismatch", line: 7, stated: "支出 980.00 万元", computed: "基本支出 + 项目支出 = 990.00 万元" },
    ]);
  });

  it("sums a breakdown whose parts are explained (“主要用于…”) between them", () => {
    const text = lines(
      "一、支出情况",
      "本年支出 100.00 万元，其中：基本支出 40.00 万元，主要用于人员工资；项目支出 60.00 万元，主要用于信息化建设。",
    );
    expect(checkReportText(text)).toEqual([]);
    expect(brief(checkReportText(text.replace("60.00 万元", "61.00 万元")))).toEqual([
      { kind: "sum_mismatch", line: 2, stated: "100.00 万元", computed: "101.00 万元" },
    ]);
  });

  it("does not read a short formula that an evaluation table repeats row by row as a duplicated sentence", () => {
    const text = lines(
      "一、自评情况",
      "1.预算执行率。按照相关规定严格执行，未发现违规情况。",
      "2.资金使用合规性。按照相关规定严格执行，未发现违规情况。",
    );
    expect(checkReportText(text)).toEqual([]);
  });
});

describe("real defects it used to miss", () => {
  it("sums a breakdown whose parts are separated by “；”, within n × 0.005 for amounts in hundredths", () => {
    const text = lines(
      "一、基本情况",
      "项目支出 6.66 万元，其中：系统运维 1.11 万元；设备购置 2.22 万元；宣传培训 3.33 万元。",
      "聘用人员 7 人，其中：窗口人员 3 人；后勤人员 4 人。",
    );
    expect(checkReportText(text)).toEqual([]);
    // Three parts rounded to 0.01 may be 0.015 off their total, no more.
    expect(checkReportText(text.replace("6.66 万元", "6.67 万元"))).toEqual([]);
    expect(brief(checkReportText(text.replace("6.66 万元", "6.68 万元")))).toEqual([
      { kind: "sum_mismatch", line: 2, stated: "6.68 万元", computed: "6.66 万元" },
    ]);
    // Whole numbers have no rounding: one off is a finding.
    expect(brief(checkReportText(text.replace("聘用人员 7 人", "聘用人员 8 人")))).toEqual([
      { kind: "sum_mismatch", line: 3, stated: "8 人", computed: "7 人" },
    ]);
    // A "；" that starts the next total ends the breakdown.
    const next = lines(
      "一、基本情况",
      "总收入 10 万元，其中：拨款 6 万元，其他 4 万元；总支出 9 万元，其中：基本 5 万元，项目 4 万元。",
    );
    expect(checkReportText(next)).toEqual([]);
  });

  it("finds a sentence repeated far from its first copy within a sub-section, a copy broken across lines", () => {
    const text = lines(
      "一、基本情况",
      "（一）工作情况",
      "全年共受理群众诉求工单一万余宗，按时办结率保持在较高水平。",
      "持续推进政务服务标准化建设。",
      "深化一网通办改革，提升服务效能。",
      "全年共受理群众诉求工单一万余宗，按时",
      "",
      "办结率保持在较高水平。",
      "（二）主要成效",
      "全年共受理群众诉求工单一万余宗，按时办结率保持在较高水平。",
      "二、综合评价",
      "全年共受理群众诉求工单一万余宗，按时办结率保持在较高水平。",
    );
    // The copies in （二） and 二、 restate （一） (a summary) and are left alone.
    expect(brief(checkReportText(text))).toEqual([
      {
        kind: "duplicate_sentence",
        line: 6,
        stated: "全年共受理群众诉求工单一万余宗，按时办结率保持在较高水平",
        computed: "与第3行重复",
      },
    ]);
  });

  it("reports count_mismatch when a stated count does not match the names listed", () => {
    const text = lines(
      "一、基本情况",
      "本局下设 4 个科室，即办公室、审批科、督查科。",
      "直属事业单位 2 个：政务服务中心和信息中心。",
      "内设三个中队，分别是一中队、二中队、三中队。",
      "设有窗口 20 个，包括综合窗口、专窗等。",
      "下设 0 个处室，分别是：无。",
      "共有 3 个党支部，即机关第一党支部、机关第二党支部、中心党支部，负责党员教育管理。",
    );
    expect(brief(checkReportText(text))).toEqual([
      { kind: "count_mismatch", line: 2, stated: "4 个", computed: "3 个" },
    ]);
  });

  it("reports balance_mismatch when income and carry-over do not balance spending and carry-over", () => {
    const text = lines(
      "一、基本情况",
      "（一）收支情况",
      "2022 年度收入 1000.00 万元，年初结转结余 50.00 万元。",
      "2022 年度支出 980.00 万元，年末结转结余 70.00 万元。",
      "基本支出 300.00 万元。项目支出 680.00 万元。",
    );
    expect(checkReportText(text)).toEqual([]);
    expect(brief(checkReportText(text.replace("年末结转结余 70.00", "年末结转结余 60.00")))).toEqual([
      {
        kind: "balance_mismatch",
        line: 4,
        stated: "收入 + 年初结转结余 = 1050.00 万元",
        computed: "支出 + 年末结转结余 = 1040.00 万元",
      },
    ]);
    expect(brief(checkReportText(text.replace("项目支出 680.00", "项目支出 690.00")))).toEqual([
      { kind: "balance_mismatch", line: 4, stated: "支出 980.00 万元", computed: "基本支出 + 项目支出 = 990.00 万元" },
    ]);
  });
});
