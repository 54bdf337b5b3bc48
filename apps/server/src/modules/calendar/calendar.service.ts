import type { Ctx, SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findRootUnit } from "../org/org.repo.ts";
import { authorizeOnTenantRoot, EDIT_TENANT_CALENDAR } from "../org/tenant-settings.policy.ts";
import { findAllTenants } from "../tenants/tenants.repo.ts";
import { readCalendarRows, replaceCalendarDays, replaceTenantCalendarDays } from "./calendar.repo.ts";
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

/**
 * Enters national statutory days (the operator's `zhengwu calendar set`). They move every
 * district's deadlines, so each tenant's audit chain records the change, with the operator as actor,
 * in the same transaction as the change.
 */
export async function setNationalCalendarDays(
  db: Db,
  clock: Clock,
  days: CalendarException[],
  operator: string,
): Promise<{ tenantsAudited: number }> {
  let tenantsAudited = 0;
  await db.transaction(async (tx) => {
    await replaceCalendarDays(tx, days, "operator");
    for (const tenant of await findAllTenants(tx)) {
      const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: operator };
      const root = await findRootUnit(tx, tenant.id);
      await recordAudit(
        { db: tx, actor, clock, requestId: null },
        {
          action: "calendar.national_update",
          entityType: "calendar",
          scopePath: root?.path ?? "/",
          summary: { days: days.map((d) => `${d.day} ${d.kind} ${d.name}`) },
        },
      );
      tenantsAudited += 1;
    }
  });
  invalidateCalendar();
  return { tenantsAudited };
}
