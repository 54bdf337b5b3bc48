import { date, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The national working calendar's exceptions: statutory holidays that fall on weekdays and 调休
 * make-up working days that fall on weekends (a plain weekday/weekend rule covers every other day).
 * National, so not tenant-keyed: a reference table when sharded. Seeded from chinese-days; staff
 * add next year's official schedule when the State Council publishes it.
 */
export const calendarDays = pgTable("calendar_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  kind: text("kind").notNull(), // "holiday" | "workday"
  name: text("name").notNull(),
  source: text("source").notNull().default("chinese-days"),
});
