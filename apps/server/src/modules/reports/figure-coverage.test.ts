import { describe, expect, it } from "vitest";
import { extractFigures, figureCoverage, normalizeForFigures } from "./figure-coverage.ts";

describe("the figures of a report", () => {
  it("reads numbers with their units across the seed's line breaks and separators", () => {
    const text =
      "我区 2166 个依申请类事项有 1233\n\n个已落实，落实率 56.93%；总收入\n9,167.05 万元，攻击 45.19 万次，共计 13.61 平方公里。";
    expect(extractFigures(text)).toEqual(["2166个", "1233个", "56.93%", "9167.05万元", "45.19万次", "13.61平方公里"]);
  });

  it("leaves out dates, durations in 分钟, numbered headings and 5G", () => {
    const text = "2022 年 1 月至 12 月，打造 30 分钟办事圈；1.主要职能；利用 5G+政务专网；第 188 号。";
    expect(extractFigures(text)).toEqual([]);
  });

  it("reads 多/余 as part of the figure and keeps each figure once", () => {
    expect(extractFigures("100 多平方公里、40 万余人次、4 万多路摄像头、再 100 多平方公里")).toEqual([
      "100平方公里",
      "40万余人次",
      "4万",
    ]);
  });

  it("takes the value, not the spelling: 77.10 万元 is 77.1 万元, 100.0% is 100%", () => {
    expect(extractFigures("77.10 万元，100.0%，１２ 个，85.95％")).toEqual(["77.1万元", "100%", "12个", "85.95%"]);
  });

  it("counts a figure only with the same unit, and drops a fact's ※ mark", () => {
    expect(normalizeForFigures("758※ 个")).toBe("758个");
    const c = figureCoverage("7278.02 元；758 个；1,003 个；21 亿条", "7,278.02 万元，758※ 个，1003 个");
    expect(c).toEqual({ found: ["758个", "1003个"], missing: ["7278.02元", "21亿条"], total: 4 });
  });
});
