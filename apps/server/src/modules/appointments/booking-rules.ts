import type { AppointmentSettings } from "../../../../../packages/contracts/src/appointments.ts";
import { addDays, businessInstant, nthWorkdayAfter, type WorkCalendar } from "../calendar/work-calendar.ts";

const DAY_MS = 86_400_000;

/** Start and end instants of every slot of a working day, from the hall sessions (business time). */
export function slotTimes(day: string, settings: Pick<AppointmentSettings, "sessions" | "slotMinutes">) {
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (const s of settings.sessions) {
    const [sh = 0, sm = 0] = s.start.split(":").map(Number);
    const [eh = 0, em = 0] = s.end.split(":").map(Number);
    const end = businessInstant(day, eh, em).getTime();
    // A slot must end inside its session: 13:00–17:00 with 40-minute slots stops at 16:20.
    for (let t = businessInstant(day, sh, sm).getTime(); t + settings.slotMinutes * 60_000 <= end; ) {
      const next = t + settings.slotMinutes * 60_000;
      out.push({ startsAt: new Date(t), endsAt: new Date(next) });
      t = next;
    }
  }
  return out;
}

/**
 * The working days a citizen may book on: today (if a working day) and the next `horizon`
 * working days, minus the hall's closures. Holidays and 调休 make-up days come from the calendar.
 */
export function bookableDays(cal: WorkCalendar, today: string, horizon: number, closed: ReadonlySet<string>): string[] {
  const last = nthWorkdayAfter(cal, today, horizon);
  const days: string[] = [];
  for (let cur = today; cur <= last; cur = addDays(cur, 1)) {
    if (cal.isWorkday(cur) && !closed.has(cur)) {
      days.push(cur);
    }
  }
  return days;
}

/** The last instant a booking starting at `startsAt` may still be cancelled or moved. */
export function cancelDeadline(startsAt: Date, settings: Pick<AppointmentSettings, "cancelBeforeMinutes">): Date {
  return new Date(startsAt.getTime() - settings.cancelBeforeMinutes * 60_000);
}

/**
 * When `noShowLimit` no-shows fall within `noShowWindowDays` of each other, booking is blocked for
 * `blockDays` from the last of them. Returns the end of the block still running at `now`, or null.
 */
export function blockedUntil(
  noShows: readonly Date[],
  now: Date,
  settings: Pick<AppointmentSettings, "noShowLimit" | "noShowWindowDays" | "blockDays">,
): Date | null {
  const times = noShows.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = settings.noShowLimit - 1; i < times.length; i++) {
    const last = times[i] ?? 0;
    const first = times[i - settings.noShowLimit + 1] ?? 0;
    if (last - first <= settings.noShowWindowDays * DAY_MS) {
      const end = last + settings.blockDays * DAY_MS;
      until = until === null ? end : Math.max(until, end);
    }
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}
