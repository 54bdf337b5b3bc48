import { describe, expect, it } from "vitest";
import { briefingSpan, risingMethod } from "./briefing-data.ts";
import { briefingTitle } from "./briefing-document.ts";

describe("briefingSpan", () => {
  it("calls Monday to Sunday a week, compared with the seven days before", () => {
    const s = briefingSpan({ from: "2022-03-14", to: "2022-03-20" });
    expect(s).toMatchObject({ kind: "weekly", days: 7, prevFromDay: "2022-03-07", prevToDay: "2022-03-13" });
    expect(s.from.toISOString()).toBe("2022-03-13T16:00:00.000Z");
    expect(s.to.toISOString()).toBe("2022-03-20T16:00:00.000Z");
    expect(briefingTitle("广州市花都区", s)).toBe("广州市花都区诉求分析周报（2022年3月14日—3月20日）");
  });

  it("calls a calendar month a month, compared with the previous month across a year's end", () => {
    expect(briefingSpan({ from: "2022-03-01", to: "2022-03-31" })).toMatchObject({
      kind: "monthly",
      days: 31,
      prevFromDay: "2022-02-01",
      prevToDay: "2022-02-28",
    });
    const jan = briefingSpan({ from: "2023-01-01", to: "2023-01-31" });
    expect(jan).toMatchObject({ kind: "monthly", prevFromDay: "2022-12-01", prevToDay: "2022-12-31" });
    expect(briefingTitle("某区", jan)).toBe("某区诉求分析月报（2023年1月）");
  });

  it("calls any other span a period briefing, and states the test for its length", () => {
    expect(briefingSpan({ from: "2022-03-15", to: "2022-03-21" }).kind).toBe("period");
    expect(briefingSpan({ from: "2022-03-01", to: "2022-03-30" })).toMatchObject({
      kind: "period",
      prevFromDay: "2022-01-30",
    });
    expect(risingMethod(7)).toContain("前 8 周");
    expect(risingMethod(30)).toContain("各 30 天");
  });

  it("refuses reversed periods and periods over three years, in Chinese", () => {
    expect(() => briefingSpan({ from: "2022-03-20", to: "2022-03-14" })).toThrow("结束日期不能早于开始日期");
    expect(() => briefingSpan({ from: "2019-01-01", to: "2022-12-31" })).toThrow("不能超过 3 年");
  });
});
