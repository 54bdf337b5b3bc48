import { describe, expect, it } from "vitest";
import { formatAxisValue, formatChartDate, formatChartValue, formatMonthKey } from "./chart-format.ts";

describe("chart formats", () => {
  it("writes values the zh-CN way", () => {
    expect(formatChartValue(187454, "count")).toBe("187,454");
    expect(formatChartValue(0.98634, "percent")).toBe("98.6%");
    expect(formatChartValue(null, "count")).toBe("—");
    expect(formatAxisValue(25_000, "count")).toBe("2.5万");
    expect(formatAxisValue(5_000, "count")).toBe("5,000");
    expect(formatAxisValue(0.9, "percent")).toBe("90%");
  });

  it("names months and days in Beijing time whatever the process zone (tests run in UTC)", () => {
    expect(formatMonthKey("2022-03")).toBe("3月");
    expect(formatMonthKey("2022-03", true)).toBe("2022年3月");
    // 2022-02-28 16:00 UTC is already 1 March in Beijing.
    expect(formatChartDate("2022-02-28T16:00:00Z", "day")).toBe("3月1日");
    expect(formatChartDate("2022-02-28T16:00:00Z", "hour")).toBe("00:00");
  });
});
