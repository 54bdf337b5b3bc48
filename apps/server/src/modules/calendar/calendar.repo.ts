import { and, gte, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { calendarDays } from "./calendar.schema.ts";
import type { CalendarException } from "./work-calendar.ts";

export async function readCalendarExceptions(db: Db): Promise<CalendarException[]> {
  const rows = await db.select().from(calendarDays);
  return rows.map((r) => ({ day: r.day, kind: r.kind === "workday" ? "workday" : "holiday", name: r.name }));
}

export async function insertCalendarExceptions(db: Db, rows: CalendarException[], source: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(calendarDays)
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, source })))
      .onConflictDoNothing();
  }
}

export async function readCalendarRows(db: Db, year: number) {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(calendarDays.day);
  return rows.map((r) => ({
    day: r.day,
    kind: r.kind === "workday" ? ("workday" as const) : ("holiday" as const),
    name: r.name,
    source: r.source,
  }));
}

export async function replaceCalendarDays(db: Db, rows: CalendarException[], source: string): Promise<void> {
  for (const r of rows) {
    await db
      .insert(calendarDays)
      .values({ ...r, source })
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: r.kind, name: r.name, source } });
  }
}
