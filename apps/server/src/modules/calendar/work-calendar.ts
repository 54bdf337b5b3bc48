/** Business time of every tenant: China has one time zone and no daylight saving. */
export const BUSINESS_OFFSET_MS = 8 * 3600_000;

export type CalendarException = { day: string; kind: "holiday" | "workday"; name: string };

/** Pure working-day calendar over YYYY-MM-DD strings in business time. */
export type WorkCalendar = {
  isWorkday(day: string): boolean;
  /** Years for which the official schedule is loaded. */
  years: ReadonlySet<number>;
};

export function buildWorkCalendar(exceptions: readonly CalendarException[]): WorkCalendar {
  const byDay = new Map(exceptions.map((e) => [e.day, e.kind]));
  const years = new Set(exceptions.map((e) => Number(e.day.slice(0, 4))));
  return {
    years,
    isWorkday(day) {
      const kind = byDay.get(day);
      if (kind) {
        return kind === "workday";
      }
      const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
      return dow !== 0 && dow !== 6;
    },
  };
}

/** The business-time calendar date (YYYY-MM-DD) of an instant. */
export function businessDay(at: Date): string {
  return new Date(at.getTime() + BUSINESS_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant of hh:mm business time on a business date. */
export function businessInstant(day: string, hh: number, mm = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BUSINESS_OFFSET_MS + (hh * 60 + mm) * 60_000);
}

/** The n-th working day after `day` (n ≥ 1); n = 0 gives `day` itself. */
export function nthWorkdayAfter(cal: WorkCalendar, day: string, n: number): string {
  let cur = day;
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) {
      throw new Error("working calendar has no working days ahead");
    }
    cur = addDays(cur, 1);
    if (cal.isWorkday(cur)) {
      left -= 1;
    }
  }
  return cur;
}

/** Working days strictly after `from`'s date up to and including `to`'s date (0 when to ≤ from). */
export function workdaysBetween(cal: WorkCalendar, from: Date, to: Date): number {
  let count = 0;
  let cur = businessDay(from);
  const end = businessDay(to);
  while (cur < end) {
    cur = addDays(cur, 1);
    if (cal.isWorkday(cur)) {
      count += 1;
    }
  }
  return count;
}
