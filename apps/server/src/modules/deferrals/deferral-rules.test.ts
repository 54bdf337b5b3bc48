import { describe, expect, it } from "vitest";
import { chineseDaysExceptions } from "../calendar/chinese-days.ts";
import { buildWorkCalendar } from "../calendar/work-calendar.ts";
import { makeUpDeadline, promisedDeadline, remindersDue, reminderTimes } from "./deferral-rules.ts";

const cal = buildWorkCalendar(chineseDaysExceptions());
// Thursday 2022-09-29, 10:30 in Guangzhou; National Day runs 10-01..10-07, 10-08/10-09 are make-up working days.
const accepted = new Date("2022-09-29T02:30:00Z");

describe("容缺受理 deadlines on the statutory calendar", () => {
  it("counts the promised limit in working days across the National Day holiday", () => {
    // 09-30, 10-08, 10-09, 10-10, 10-11 → the fifth working day, 17:00 Beijing.
    expect(promisedDeadline(cal, accepted, 5).toISOString()).toBe("2022-10-11T09:00:00.000Z");
  });

  it("defaults the make-up deadline to the promised deadline and never allows a later one", () => {
    expect(makeUpDeadline(cal, accepted, 5, undefined)).toEqual({
      ok: true,
      dueAt: new Date("2022-10-11T09:00:00.000Z"),
    });
    expect(makeUpDeadline(cal, accepted, 5, "2022-10-10")).toEqual({
      ok: true,
      dueAt: new Date("2022-10-10T09:00:00.000Z"),
    });
    const late = makeUpDeadline(cal, accepted, 5, "2022-10-12");
    expect(late).toEqual({ ok: false, message: "补正期限不得晚于承诺办结时限（2022-10-11，5 个工作日）" });
  });

  it("refuses a holiday and a day before acceptance", () => {
    expect(makeUpDeadline(cal, accepted, 5, "2022-10-05")).toEqual({
      ok: false,
      message: "补正期限 2022-10-05 不是工作日",
    });
    expect(makeUpDeadline(cal, accepted, 5, "2022-09-28")).toEqual({ ok: false, message: "补正期限不能早于受理当日" });
    // The make-up Saturday is a working day.
    expect(makeUpDeadline(cal, accepted, 5, "2022-10-08").ok).toBe(true);
  });

  it("reminds at 09:00 on the working day before the deadline and on its day", () => {
    const due = new Date("2022-10-08T09:00:00Z");
    expect(reminderTimes(cal, accepted, due).map((d) => d.toISOString())).toEqual([
      "2022-09-30T01:00:00.000Z",
      "2022-10-08T01:00:00.000Z",
    ]);
    expect(remindersDue(cal, accepted, due, new Date("2022-09-30T00:59:00Z"))).toBe(0);
    expect(remindersDue(cal, accepted, due, new Date("2022-10-03T00:00:00Z"))).toBe(1);
    expect(remindersDue(cal, accepted, due, new Date("2022-10-08T08:00:00Z"))).toBe(2);
    // A deadline the next working day: only the reminder on its day is after acceptance.
    expect(reminderTimes(cal, accepted, new Date("2022-09-30T09:00:00Z"))).toHaveLength(1);
  });
});
