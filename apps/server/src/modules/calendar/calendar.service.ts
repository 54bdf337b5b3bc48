import type { Ctx } from "../../platform/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorizeOnTenantRoot, EDIT_TENANT_CALENDAR } from "../org/tenant-settings.policy.ts";
import { readCalendarRows, replaceTenantCalendarDays } from "./calendar.repo.ts";
import { getCachedCalendar, invalidateCalendar } from "./calendar-cache.ts";
import type { CalendarException, WorkCalendar } from "./work-calendar.ts";

/** A warning to show when next year's official schedule has not been entered yet. */
export function missingYearWarning(cal: WorkCalendar, now: Date): string | null {
  const next = now.getUTCFullYear() + 1;
  return now.getUTCMonth() >= 10 && !cal.years.has(next)
    ? `尚未录入 ${next} 年法定节假日安排，${next} 年的期限将按普通周末计算，请联系系统运维人员录入。`
    : null;
}

/** A year's exceptions (national, overlaid by the tenant's own), with the missing-next-year warning. */
export async function findCalendarYear(ctx: Ctx, year: number) {
  const cal = await getCachedCalendar(ctx.db);
  const rows = await readCalendarRows(ctx.db, ctx.actor.tenantId, year);
  return { items: rows, warning: missingYearWarning(cal, ctx.clock.now()) };
}

/**
 * Enters the tenant's own days (a local closure, an extra working day). National statutory
 * holidays are not changed here: they are the operator's (`zhengwu calendar set`).
 * @throws forbidden without an admin grant on the tenant root
 */
export async function addCalendarDays(ctx: Ctx, days: CalendarException[]) {
  const scopePath = await authorizeOnTenantRoot(ctx, EDIT_TENANT_CALENDAR);
  await ctx.db.transaction(async (tx) => {
    await replaceTenantCalendarDays(tx, ctx.actor.tenantId, days);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "calendar.update",
        entityType: "calendar",
        scopePath,
        summary: { days: days.length, from: days[0]?.day ?? null },
      },
    );
  });
  invalidateCalendar();
  const year = Number(days[0]?.day.slice(0, 4));
  return findCalendarYear(ctx, year);
}
