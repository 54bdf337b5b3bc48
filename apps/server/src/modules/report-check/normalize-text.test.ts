import { describe, expect, it } from "vitest";
import { matchMarker } from "./markers.ts";
import { normalizeReport } from "./normalize-text.ts";

describe("normalizeReport", () => {
  it("joins wrapped lines into a paragraph and maps each character to its source line", () => {
    const r = normalizeReport("一、收支\n\n总支出 9,167.05 万元，其中基本\n 支出 1,889.03 万元。\n（一）下一节");
    expect(r.text).toBe("一、收支\n总支出 9167.05 万元，其中基本支出 1889.03 万元。\n（一）下一节");
    expect(r.lineOf(r.text.indexOf("9167.05"))).toBe(3);
    expect(r.lineOf(r.text.indexOf("1889.03"))).toBe(4);
    expect(r.lineOf(r.text.indexOf("（一）"))).toBe(5);
    expect(r.paragraphs).toHaveLength(3);
  });

  it("drops the page numbers of a printed report, so a sentence cut by a page break stays whole", () => {
    const r = normalizeReport(
      "全年共受理群众诉求工单一万余宗，按时\n\n— 3 —\n\n办结率 98%。\n- 4 -\n第 5 页 共 9 页\n6/9\n一、下一节",
    );
    expect(r.text).toBe("全年共受理群众诉求工单一万余宗，按时办结率 98%。\n一、下一节");
    expect(r.lineOf(r.text.indexOf("办结率"))).toBe(5);
  });

  it("keeps one paragraph a line in a document that was not wrapped (Word, web pages)", () => {
    const long = "本单位全年认真贯彻落实各项决策部署，扎实推进各项重点工作任务，取得了较好成效。";
    const r = normalizeReport(["一、概况", long, `${long}另`, "短句。", "标题", "正文。"].join("\n"));
    // A line with no full stop at its end still runs on into the next: "…另" + "短句。", "标题" + "正文。".
    expect(r.paragraphs).toHaveLength(4);
    expect(r.text.split("\n")[3]).toBe("标题正文。");
  });

  it("accepts an empty text", () => {
    const r = normalizeReport("");
    expect(r.text).toBe("");
    expect(r.paragraphs).toEqual([]);
  });

  it("makes full-width digits and signs ASCII and keeps two numbers apart across a wrap", () => {
    const r = normalizeReport("数量 １２ 个，比例 ５０．５％，共 2022\n1 项");
    expect(r.text).toBe("数量 12 个，比例 50.5%，共 2022 1 项");
  });
});

describe("matchMarker", () => {
  it("reads the marker ranks and numbers", () => {
    expect(matchMarker("十二、其他", true)).toMatchObject({ rank: 1, number: 12 });
    expect(matchMarker("（三）收支", true)).toMatchObject({ rank: 2, number: 3 });
    expect(matchMarker("14. 项目", false)).toMatchObject({ rank: 3, number: 14 });
    expect(matchMarker("2、项目", false)).toMatchObject({ rank: 3, number: 2 });
    expect(matchMarker("（7）工作", false)).toMatchObject({ rank: 4, number: 7 });
    expect(matchMarker("（2 加强", true)).toMatchObject({ rank: 4, number: 2 });
    expect(matchMarker("②其他", false)).toMatchObject({ rank: 5, number: 2 });
  });

  it("does not read decimals, dates or amounts as markers", () => {
    expect(matchMarker("77.1 万元", true)).toBeUndefined();
    expect(matchMarker("2022 年度", true)).toBeUndefined();
    expect(matchMarker("3 月 15 日", false)).toBeUndefined();
    expect(matchMarker("一委员、代表", false)).toBeUndefined();
  });
});
