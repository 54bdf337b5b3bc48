import {
  addDays,
  businessDay,
  businessInstant,
  nthWorkdayAfter,
  type WorkCalendar,
} from "../calendar/work-calendar.ts";

/** Deadlines fall at the end of the working day, as the hall closes. */
const DUE_HOUR = 17;
/** Reminders go out as the hall opens. */
const REMIND_HOUR = 9;

/** The promised processing deadline: `limitDays` working days after the day of acceptance, 17:00. */
export function promisedDeadline(cal: WorkCalendar, acceptedAt: Date, limitDays: number): Date {
  return businessInstant(nthWorkdayAfter(cal, businessDay(acceptedAt), limitDays), DUE_HOUR);
}

export type MakeUpDeadline = { ok: true; dueAt: Date } | { ok: false; message: string };

/**
 * The make-up deadline: the day asked for (default: the promised deadline's day), which must be a
 * working day from the day of acceptance up to and never after the promised deadline (domain-rules §3).
 */
export function makeUpDeadline(
  cal: WorkCalendar,
  acceptedAt: Date,
  limitDays: number,
  requestedDay: string | undefined,
): MakeUpDeadline {
  const promisedDay = businessDay(promisedDeadline(cal, acceptedAt, limitDays));
  const day = requestedDay ?? promisedDay;
  if (day < businessDay(acceptedAt)) {
    return { ok: false, message: "补正期限不能早于受理当日" };
  }
  if (day > promisedDay) {
    return { ok: false, message: `补正期限不得晚于承诺办结时限（${promisedDay}，${limitDays} 个工作日）` };
  }
  if (!cal.isWorkday(day)) {
    return { ok: false, message: `补正期限 ${day} 不是工作日` };
  }
  return { ok: true, dueAt: businessInstant(day, DUE_HOUR) };
}

/** The working day before `day`. */
function previousWorkday(cal: WorkCalendar, day: string): string {
  let cur = addDays(day, -1);
  for (let guard = 0; !cal.isWorkday(cur); guard++) {
    if (guard > 366) {
      throw new Error("working calendar has no working days behind");
    }
    cur = addDays(cur, -1);
  }
  return cur;
}

/**
 * The reminder times of a deferral: 09:00 on the working day before the deadline and 09:00 on the
 * deadline's day, each only if it falls after the day of acceptance.
 */
export function reminderTimes(cal: WorkCalendar, acceptedAt: Date, dueAt: Date): Date[] {
  const accepted = businessDay(acceptedAt);
  const dueDay = businessDay(dueAt);
  return [previousWorkday(cal, dueDay), dueDay].filter((d) => d > accepted).map((d) => businessInstant(d, REMIND_HOUR));
}

/** How many reminders should have gone out by `now`. */
export function remindersDue(cal: WorkCalendar, acceptedAt: Date, dueAt: Date, now: Date): number {
  return reminderTimes(cal, acceptedAt, dueAt).filter((t) => t.getTime() <= now.getTime()).length;
}
