import { describe, expect, it } from "vitest";
import { bookingIcs } from "./ics.ts";

describe("bookingIcs", () => {
  const text = bookingIcs({
    uid: "abc@zhengwu",
    startsAt: new Date("2025-03-03T01:00:00Z"),
    endsAt: new Date("2025-03-03T01:30:00Z"),
    createdAt: new Date("2025-03-01T00:00:00Z"),
    summary: "区政务服务中心 预约办理：不动产转移登记, 抵押",
    location: "花都区政务服务中心；新华街",
    description: "预约码 ABCDEFGHJK；".repeat(5),
  });

  it("is one VEVENT with UTC times and CRLF line ends", () => {
    expect(text).toContain("BEGIN:VEVENT\r\n");
    expect(text).toContain("DTSTART:20250303T010000Z\r\n");
    expect(text).toContain("DTEND:20250303T013000Z\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("escapes commas and semicolons and folds long lines at 75 octets", () => {
    expect(text).toContain("不动产转移登记\\, 抵押");
    expect(text).toContain("花都区政务服务中心\\；新华街".replace("\\；", "；"));
    for (const line of text.split("\r\n")) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
  });
});
