import {
  addDays,
  businessDay,
  businessInstant,
  nthWorkdayAfter,
  type WorkCalendar,
  workdaysBetween,
} from "../calendar/work-calendar.ts";

export type LimitUnit = "wd" | "h";
export type SlaPolicy = {
  acceptValue: number;
  acceptUnit: LimitUnit;
  closeValue: number;
  closeUnit: LimitUnit;
  warnHours: number;
  maxExtensions: number;
  superviseAfterWd: number;
  notifyAfterWd: number;
};

/** End of business day (17:00 Asia/Shanghai), when working-day deadlines fall. */
export const DAY_END_HOUR = 17;

/**
 * A deadline `value` units after `start`. Working days count the day of receipt as day 0 and end
 * at 17:00 business time of the last working day (domain-rules); hours are clock hours.
 */
export function computeDue(cal: WorkCalendar, start: Date, value: number, unit: LimitUnit): Date {
  if (unit === "h") {
    return new Date(start.getTime() + value * 3600_000);
  }
  return businessInstant(nthWorkdayAfter(cal, businessDay(start), value), DAY_END_HOUR);
}

/** Moves a deadline by `days` more working days (an approved extension). */
export function extendDue(cal: WorkCalendar, due: Date, days: number): Date {
  return businessInstant(nthWorkdayAfter(cal, businessDay(due), days), DAY_END_HOUR);
}

export type DueState = "ok" | "due_soon" | "overdue";

export function dueState(due: Date, now: Date, warnHours: number): DueState {
  if (now > due) {
    return "overdue";
  }
  return due.getTime() - now.getTime() <= warnHours * 3600_000 ? "due_soon" : "ok";
}

/**
 * Supervision level an open ticket should have by now: 1 催办 as soon as a deadline passes,
 * 2 督办 after `superviseAfterWd` more working days, 3 通报 after `notifyAfterWd`.
 */
export function targetSupervisionLevel(cal: WorkCalendar, due: Date, now: Date, p: SlaPolicy): number {
  if (now <= due) {
    return 0;
  }
  const late = workdaysBetween(cal, due, now);
  if (late >= p.notifyAfterWd) {
    return 3;
  }
  return late >= p.superviseAfterWd ? 2 : 1;
}

/** Working days the next calendar `days` hold, for "due within" filters. */
export function workdaysAhead(cal: WorkCalendar, from: Date, days: number): number {
  let n = 0;
  for (let i = 1; i <= days; i++) {
    if (cal.isWorkday(addDays(businessDay(from), i))) {
      n += 1;
    }
  }
  return n;
}
