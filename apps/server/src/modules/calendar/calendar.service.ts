import { createRequire } from "node:module";
import { z } from "zod";
import type { Db } from "../../platform/db/client.ts";
import { insertCalendarExceptions, readCalendarExceptions } from "./calendar.repo.ts";
import { buildWorkCalendar, type CalendarException, type WorkCalendar } from "./work-calendar.ts";

const ChineseDaysSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

/** The official schedule shipped with chinese-days (2004 to its last published year). */
export function chineseDaysExceptions(): CalendarException[] {
  const require = createRequire(import.meta.url);
  const data = ChineseDaysSchema.parse(require("chinese-days/dist/chinese-days.json"));
  const label = (name: string) => name.split(",")[1] ?? name;
  return [
    ...Object.entries(data.holidays).map(([day, name]) => ({ day, kind: "holiday" as const, name: label(name) })),
    ...Object.entries(data.workdays).map(([day, name]) => ({
      day,
      kind: "workday" as const,
      name: `${label(name)}调休上班`,
    })),
  ];
}

/** Seeds the calendar table once; later runs keep what staff entered. */
export async function ensureCalendarSeeded(db: Db): Promise<void> {
  const existing = await readCalendarExceptions(db);
  if (existing.length === 0) {
    await insertCalendarExceptions(db, chineseDaysExceptions(), "chinese-days");
  }
}

export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  return buildWorkCalendar(await readCalendarExceptions(db));
}

/** A warning to show when next year's official schedule has not been entered yet. */
export function missingYearWarning(cal: WorkCalendar, now: Date): string | null {
  const next = now.getUTCFullYear() + 1;
  return now.getUTCMonth() >= 10 && !cal.years.has(next)
    ? `尚未录入 ${next} 年法定节假日安排，${next} 年的期限将按普通周末计算，请在国务院办公厅公布后录入。`
    : null;
}
