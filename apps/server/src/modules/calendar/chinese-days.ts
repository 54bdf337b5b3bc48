import { createRequire } from "node:module";
import { z } from "zod";
import type { CalendarException } from "./work-calendar.ts";

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
