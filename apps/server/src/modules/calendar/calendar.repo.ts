import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { calendarDays, tenantCalendarDays } from "./calendar.schema.ts";
import type { CalendarException } from "./work-calendar.ts";

const asKind = (k: string) => (k === "workday" ? ("workday" as const) : ("holiday" as const));

export async function readCalendarExceptions(db: Db): Promise<CalendarException[]> {
  const rows = await db.select().from(calendarDays);
  return rows.map((r) => ({ day: r.day, kind: asKind(r.kind), name: r.name }));
}

export async function readTenantCalendarExceptions(db: Db, tenantId: string): Promise<CalendarException[]> {
  const rows = await db.select().from(tenantCalendarDays).where(eq(tenantCalendarDays.tenantId, tenantId));
  return rows.map((r) => ({ day: r.day, kind: asKind(r.kind), name: r.name }));
}

export async function insertCalendarExceptions(db: Db, rows: CalendarException[], source: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(calendarDays)
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, source })))
      .onConflictDoNothing();
  }
}

/** A year's national days overlaid by the tenant's own (a tenant day replaces the national one). */
export async function readCalendarRows(db: Db, tenantId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const national = await db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, from), lte(calendarDays.day, to)));
  const local = await db
    .select()
    .from(tenantCalendarDays)
    .where(
      and(
        eq(tenantCalendarDays.tenantId, tenantId),
        gte(tenantCalendarDays.day, from),
        lte(tenantCalendarDays.day, to),
      ),
    );
  const byDay = new Map<string, { day: string; kind: "workday" | "holiday"; name: string; source: string }>();
  for (const r of [...national, ...local]) {
    byDay.set(r.day, { day: r.day, kind: asKind(r.kind), name: r.name, source: r.source });
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** National days: for the operator's CLI only. */
export async function replaceCalendarDays(db: Db, rows: CalendarException[], source: string): Promise<void> {
  for (const r of rows) {
    await db
      .insert(calendarDays)
      .values({ ...r, source })
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: r.kind, name: r.name, source } });
  }
}

export async function replaceTenantCalendarDays(db: Db, tenantId: string, rows: CalendarException[]): Promise<void> {
  for (const r of rows) {
    await db
      .insert(tenantCalendarDays)
      .values({ tenantId, ...r, source: "staff" })
      .onConflictDoUpdate({
        target: [tenantCalendarDays.tenantId, tenantCalendarDays.day],
        set: { kind: r.kind, name: r.name },
      });
  }
}
