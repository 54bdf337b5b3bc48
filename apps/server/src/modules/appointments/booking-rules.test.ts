import { describe, expect, it } from "vitest";
import { DEFAULT_APPOINTMENT_SETTINGS as S } from "../../../../../packages/contracts/src/appointments.ts";
import { buildWorkCalendar } from "../calendar/work-calendar.ts";
import { blockedUntil, bookableDays, cancelDeadline, slotTimes } from "./booking-rules.ts";

// 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked (调休).
const cal = buildWorkCalendar([
  ...["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => ({
    day: `2025-10-${d}`,
    kind: "holiday" as const,
    name: "国庆节",
  })),
  { day: "2025-09-28", kind: "workday", name: "国庆节调休" },
  { day: "2025-10-11", kind: "workday", name: "国庆节调休" },
]);

describe("slotTimes", () => {
  it("cuts 9:00–12:00 and 13:00–17:00 into 30-minute slots in Beijing time", () => {
    const slots = slotTimes("2025-03-03", S);
    expect(slots).toHaveLength(14);
    expect(slots[0]?.startsAt.toISOString()).toBe("2025-03-03T01:00:00.000Z");
    expect(slots[5]?.endsAt.toISOString()).toBe("2025-03-03T04:00:00.000Z");
    expect(slots[6]?.startsAt.toISOString()).toBe("2025-03-03T05:00:00.000Z");
  });

  it("drops a last slot that would run past the session", () => {
    expect(slotTimes("2025-03-03", { ...S, slotMinutes: 40 })).toHaveLength(4 + 6);
  });
});

describe("bookableDays", () => {
  it("is today and the next 5 working days, skipping weekends", () => {
    expect(bookableDays(cal, "2025-03-06", 5, new Set())).toEqual([
      "2025-03-06",
      "2025-03-07",
      "2025-03-10",
      "2025-03-11",
      "2025-03-12",
      "2025-03-13",
    ]);
  });

  it("skips the National Day holidays and includes the make-up Saturday", () => {
    expect(bookableDays(cal, "2025-09-26", 5, new Set())).toEqual([
      "2025-09-26",
      "2025-09-28",
      "2025-09-29",
      "2025-09-30",
      "2025-10-09",
      "2025-10-10",
    ]);
  });

  it("leaves out the hall's closed days but still counts them as working days", () => {
    expect(bookableDays(cal, "2025-03-06", 2, new Set(["2025-03-07"]))).toEqual(["2025-03-06", "2025-03-10"]);
  });
});

describe("cancelDeadline", () => {
  it("is 2 hours before the slot by default", () => {
    expect(cancelDeadline(new Date("2025-03-03T02:00:00Z"), S).toISOString()).toBe("2025-03-03T00:00:00.000Z");
  });
});

describe("blockedUntil", () => {
  const now = new Date("2025-03-03T00:00:00Z");
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  it("blocks for 30 days after the third no-show within 90 days", () => {
    expect(blockedUntil([daysAgo(50), daysAgo(20), daysAgo(10)], now, S)?.toISOString()).toBe(
      new Date(daysAgo(10).getTime() + 30 * 86_400_000).toISOString(),
    );
  });

  it("does not block for two no-shows", () => {
    expect(blockedUntil([daysAgo(20), daysAgo(10)], now, S)).toBeNull();
  });

  it("does not block when the three are spread over more than 90 days", () => {
    expect(blockedUntil([daysAgo(101), daysAgo(20), daysAgo(10)], now, S)).toBeNull();
  });

  it("lifts the block 30 days after the last no-show", () => {
    expect(blockedUntil([daysAgo(60), daysAgo(45), daysAgo(31)], now, S)).toBeNull();
  });

  it("follows the tenant's configuration", () => {
    expect(blockedUntil([daysAgo(10)], now, { ...S, noShowLimit: 1 })).not.toBeNull();
  });
});
