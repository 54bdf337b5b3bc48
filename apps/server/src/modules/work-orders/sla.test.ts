import { describe, expect, it } from "vitest";
import { missingYearWarning } from "../calendar/calendar.service.ts";
import { chineseDaysExceptions } from "../calendar/chinese-days.ts";
import { buildWorkCalendar } from "../calendar/work-calendar.ts";
import { computeDue, dueState, extendDue, type SlaPolicy, targetSupervisionLevel } from "./sla.ts";

const cal = buildWorkCalendar(chineseDaysExceptions());
const at = (s: string) => new Date(s);
const policy: SlaPolicy = {
  acceptValue: 1,
  acceptUnit: "wd",
  closeValue: 2,
  closeUnit: "wd",
  warnHours: 24,
  maxExtensions: 1,
  superviseAfterWd: 1,
  notifyAfterWd: 3,
};

describe("computeDue (working days, day of receipt = day 0, due 17:00 Asia/Shanghai)", () => {
  it("skips the National Day holiday and counts the 2022-10-08/09 make-up workdays", () => {
    expect(computeDue(cal, at("2022-09-30T10:00:00+08:00"), 2, "wd").toISOString()).toBe("2022-10-09T09:00:00.000Z");
    expect(computeDue(cal, at("2022-09-30T10:00:00+08:00"), 1, "wd").toISOString()).toBe("2022-10-08T09:00:00.000Z");
    expect(computeDue(cal, at("2022-09-30T10:00:00+08:00"), 3, "wd").toISOString()).toBe("2022-10-10T09:00:00.000Z");
  });
  it("counts from a holiday received on 2022-10-03 to the first make-up workday", () => {
    expect(computeDue(cal, at("2022-10-03T09:00:00+08:00"), 1, "wd").toISOString()).toBe("2022-10-08T09:00:00.000Z");
  });
  it("uses the business date, not the UTC date, for a late-evening call", () => {
    // 2022-09-23 23:30 in Guangzhou is still Friday 15:30 UTC; Saturday and Sunday are not worked.
    expect(computeDue(cal, at("2022-09-23T23:30:00+08:00"), 1, "wd").toISOString()).toBe("2022-09-26T09:00:00.000Z");
    // 2022-09-24 00:30 Guangzhou is Saturday (still Friday in UTC).
    expect(computeDue(cal, at("2022-09-24T00:30:00+08:00"), 1, "wd").toISOString()).toBe("2022-09-26T09:00:00.000Z");
  });
  it("counts the Spring Festival make-up Saturday and Sunday of 2022-01-29/30", () => {
    expect(computeDue(cal, at("2022-01-28T10:00:00+08:00"), 2, "wd").toISOString()).toBe("2022-01-30T09:00:00.000Z");
    expect(computeDue(cal, at("2022-01-28T10:00:00+08:00"), 3, "wd").toISOString()).toBe("2022-02-07T09:00:00.000Z");
  });
  it("adds clock hours for hour limits", () => {
    expect(computeDue(cal, at("2022-10-01T10:00:00+08:00"), 24, "h").toISOString()).toBe("2022-10-02T02:00:00.000Z");
  });
  it("extends by working days from the old deadline", () => {
    expect(extendDue(cal, at("2022-09-30T09:00:00Z"), 2).toISOString()).toBe("2022-10-09T09:00:00.000Z");
  });
});

describe("dueState and supervision", () => {
  const due = at("2022-10-09T09:00:00Z");
  it("warns before the deadline and marks overdue after", () => {
    expect(dueState(due, at("2022-10-07T09:00:00Z"), 24)).toBe("ok");
    expect(dueState(due, at("2022-10-08T12:00:00Z"), 24)).toBe("due_soon");
    expect(dueState(due, at("2022-10-09T09:00:01Z"), 24)).toBe("overdue");
  });
  it("escalates 催办 → 督办 → 通报 by working days late", () => {
    expect(targetSupervisionLevel(cal, due, at("2022-10-09T08:00:00Z"), policy)).toBe(0);
    expect(targetSupervisionLevel(cal, due, at("2022-10-09T10:00:00Z"), policy)).toBe(1);
    expect(targetSupervisionLevel(cal, due, at("2022-10-10T02:00:00Z"), policy)).toBe(2);
    expect(targetSupervisionLevel(cal, due, at("2022-10-12T02:00:00Z"), policy)).toBe(3);
  });
});

describe("calendar coverage", () => {
  it("warns in November when next year's official schedule is missing", () => {
    expect(missingYearWarning(cal, at("2026-11-28T00:00:00Z"))).toContain("2027");
    expect(missingYearWarning(cal, at("2025-11-28T00:00:00Z"))).toBeNull();
  });
});
