import { z } from "zod";
import { isoDay } from "./common.ts";

export const CalendarDaySchema = z.object({
  day: z.string(),
  kind: z.enum(["holiday", "workday"]),
  name: z.string(),
  source: z.string(),
});
export const CalendarQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarListSchema = z.object({ items: z.array(CalendarDaySchema), warning: z.string().nullable() });
/** Staff enter a year's official schedule (国务院办公厅通知) as its exceptions to the weekly rule. */
export const AddCalendarDaysInputSchema = z.object({
  days: z
    .array(
      z.object({
        day: isoDay(),
        kind: z.enum(["holiday", "workday"], { error: "类型只能是 holiday（放假）或 workday（调休上班）" }),
        name: z.string().trim().min(1, { error: "名称必填" }).max(30),
      }),
    )
    .min(1, { error: "至少一天" })
    .max(100),
});
