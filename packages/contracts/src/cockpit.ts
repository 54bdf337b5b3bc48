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
      /** 12345 hotline tickets received today; `year` and the rates count every kind of ticket. */
      today: Count,
      year: Count,
      previousYear: Count,
      yoyGrowth: Rate,
      onTimeCloseRate: Rate,
      satisfactionRate: Rate,
      /** This calendar month so far and the same month a year before, [from, to) in Asia/Shanghai. */
      month: z.object({
        from: z.string(),
        to: z.string(),
        onTimeCloseRate: Rate,
        satisfactionRate: Rate,
        lastYear: z.object({ from: z.string(), to: z.string(), onTimeCloseRate: Rate, satisfactionRate: Rate }),
      }),
    })
    .nullable(),
  /** Tickets not yet closed now, and those of them past their close-by time (the 超期 queue). */
  backlog: z.object({ open: Count, overdue: Count }).nullable(),
  /**
   * The towns and streets with their open and overdue tickets now. The org tree carries no
   * population, so the map is coloured by overdue share (overdue ÷ open).
   */
  towns: z
    .object({
      measure: z.literal("overdueShare"),
      items: z.array(z.object({ id: z.string(), name: z.string(), open: Count, overdue: Count, overdueShare: Rate })),
    })
    .nullable(),
  hall: z
    .object({
      todayVisitors: Count,
      todayCases: Count,
      yearVisitors: Count,
      yearCases: Count,
      /** Visitors waiting to be called right now, over the halls the reader may see. */
      waitingNow: Count,
      bookingsToday: Count,
    })
    .nullable(),
  ratings: z
    .object({
      ratings: Count,
      goodRate: Rate,
      bad: Count,
      rectified: Count,
      /** Bad ratings of the year whose rectification ticket is not closed yet (bad − rectified). */
      badOpen: Count,
      onTimeRectificationRate: Rate,
    })
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
