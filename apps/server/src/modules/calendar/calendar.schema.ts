import { date, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * The national working calendar's exceptions: statutory holidays that fall on weekdays and 调休
 * make-up working days that fall on weekends (a plain weekday/weekend rule covers every other day).
 * National, so not tenant-keyed: a reference table when sharded. Seeded from chinese-days; only a
 * system operator changes it (`zhengwu calendar set`), never a tenant's staff over HTTP.
 */
export const calendarDays = pgTable("calendar_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  kind: text("kind").notNull(), // "holiday" | "workday"
  name: text("name").notNull(),
  source: text("source").notNull().default("chinese-days"),
});

/** A tenant's own exceptions (local closures, a district's extra working day); they override the national ones for that tenant only. */
export const tenantCalendarDays = pgTable(
  "tenant_calendar_days",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind").notNull(), // "holiday" | "workday"
    name: text("name").notNull(),
    source: text("source").notNull().default("staff"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);
