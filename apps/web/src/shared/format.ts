import dayjs, { type Dayjs } from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

/** The bureau's zone: every time shown is its wall clock, whatever the browser's own zone. */
export const BUREAU_TZ = "Asia/Shanghai";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant as a Dayjs in the bureau's zone (now when no argument). */
export function bureauTime(input?: string | number | Date | Dayjs | null): Dayjs {
  return (input === undefined || input === null ? dayjs() : dayjs(input)).tz(BUREAU_TZ);
}

function formatIn(iso: string | null | undefined, pattern: string): string {
  if (!iso) {
    return "—";
  }
  // A calendar date has no zone: shifting it would move it to another day west of UTC.
  if (DATE_ONLY.test(iso)) {
    return dayjs(iso).format(pattern);
  }
  const d = dayjs(iso);
  return d.isValid() ? d.tz(BUREAU_TZ).format(pattern) : iso;
}

/** "2022-01-01 13:01:00" in Asia/Shanghai. */
export function formatDateTime(iso: string | null | undefined): string {
  return formatIn(iso, "YYYY-MM-DD HH:mm:ss");
}

/** "2022-01-01 13:01" in Asia/Shanghai. */
export function formatMinute(iso: string | null | undefined): string {
  return formatIn(iso, "YYYY-MM-DD HH:mm");
}

/** "2022-01-01" in Asia/Shanghai. */
export function formatDate(iso: string | null | undefined): string {
  return formatIn(iso, "YYYY-MM-DD");
}

/** "13:01" in Asia/Shanghai. */
export function formatClock(iso: string | null | undefined): string {
  return formatIn(iso, "HH:mm");
}

/** Any pattern, in Asia/Shanghai. */
export function formatPattern(iso: string | null | undefined, pattern: string): string {
  return formatIn(iso, pattern);
}

export function isFuture(iso: string | null | undefined): boolean {
  return Boolean(iso) && dayjs(iso).isAfter(dayjs());
}

// antd's pickers hold a Dayjs in the browser's zone. The bureau means Beijing wall-clock times, so a
// picked value is read as Beijing time and an instant is shown as its Beijing wall clock: a clerk
// whose browser runs in UTC picks 09:00 and means 09:00 in Guangzhou.
const WALL = "YYYY-MM-DDTHH:mm:ss.SSS";

/** A picker's value (wall clock) as the Beijing instant it means, ISO 8601 in UTC. */
export function pickedInstant(value: Dayjs): string {
  return dayjs.tz(value.format(WALL), BUREAU_TZ).toISOString();
}

/** An instant (now when no argument) as a picker value that shows its Beijing wall clock. */
export function pickerValue(iso?: string | Date): Dayjs {
  return dayjs(bureauTime(iso ?? new Date()).format(WALL));
}
