import { z } from "zod";

/** 领导驾驶舱: the district at a glance; each tile is null where the reader may not see that module. */
export const CockpitQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000, { error: "年度不早于 2000 年" })
    .max(2199, { error: "年度不晚于 2199 年" })
    .optional(),
});
export type CockpitQuery = z.infer<typeof CockpitQuerySchema>;

const Rate = z.number().nullable();
const Count = z.number().int();

export const CockpitSchema = z.object({
  year: z.number().int(),
  today: z.string(),
  /** When the figures were computed, and how long a copy is served before it is computed again. */
  computedAt: z.string(),
  maxAgeSeconds: z.number().int(),
  workOrders: z
    .object({
      today: Count,
      year: Count,
      previousYear: Count,
      yoyGrowth: Rate,
      onTimeCloseRate: Rate,
      satisfactionRate: Rate,
    })
    .nullable(),
  hall: z.object({ todayVisitors: Count, todayCases: Count, yearVisitors: Count, yearCases: Count }).nullable(),
  ratings: z
    .object({ ratings: Count, goodRate: Rate, bad: Count, rectified: Count, onTimeRectificationRate: Rate })
    .nullable(),
  budget: z.object({ year: z.number().int(), executionRate: Rate, indicators: Count, indicatorsMet: Count }).nullable(),
  appeals: z
    .object({
      weekStart: z.string(),
      method: z.string(),
      rising: z.array(z.object({ kind: z.string(), key: z.string(), label: z.string(), count: Count })),
    })
    .nullable(),
});
export type Cockpit = z.infer<typeof CockpitSchema>;
