import type { Ctx } from "../../platform/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readCalendarRows, replaceCalendarDays } from "./calendar.repo.ts";
import { getCachedCalendar, invalidateCalendar } from "./calendar-cache.ts";
import type { CalendarException, WorkCalendar } from "./work-calendar.ts";

/** A warning to show when next year's official schedule has not been entered yet. */
export function missingYearWarning(cal: WorkCalendar, now: Date): string | null {
  const next = now.getUTCFullYear() + 1;
  return now.getUTCMonth() >= 10 && !cal.years.has(next)
    ? `尚未录入 ${next} 年法定节假日安排，${next} 年的期限将按普通周末计算，请在国务院办公厅公布后录入。`
    : null;
}

/** A year's exceptions as stored, with the missing-next-year warning. */
export async function findCalendarYear(ctx: Ctx, year: number) {
  const cal = await getCachedCalendar(ctx.db);
  const rows = await readCalendarRows(ctx.db, year);
  return { items: rows, warning: missingYearWarning(cal, ctx.clock.now()) };
}

/** Enters official days (e.g. next year's schedule); a day already entered is replaced. */
export async function addCalendarDays(ctx: Ctx, days: CalendarException[]) {
  await ctx.db.transaction(async (tx) => {
    await replaceCalendarDays(tx, days, "staff");
    await recordAudit(
      { ...ctx, db: tx },
      { action: "calendar.update", entityType: "calendar", summary: { days: days.length, from: days[0]?.day ?? null } },
    );
  });
  invalidateCalendar();
  const year = Number(days[0]?.day.slice(0, 4));
  return findCalendarYear(ctx, year);
}
