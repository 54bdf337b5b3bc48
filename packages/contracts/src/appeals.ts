import { z } from "zod";
import { isoDay } from "./common.ts";
import { idOf } from "./id.ts";

/*
 * 诉求分析 (what citizens call about), read by the dashboard: hot topics, rising topics, hot spots and
 * repeat callers over the tickets the reader may see. Periods are calendar days in Asia/Shanghai.
 */

/** The longest period one analysis covers. */
export const APPEAL_MAX_DAYS = 3 * 366;

export const AppealScopeQuerySchema = z.object({
  townId: idOf("镇街编号格式不正确").optional(),
  unitId: idOf("承办单位编号格式不正确").optional(),
});

export const AppealPeriodQuerySchema = AppealScopeQuerySchema.extend({
  from: isoDay("开始日期格式应为 YYYY-MM-DD"),
  to: isoDay("结束日期格式应为 YYYY-MM-DD"),
});
export type AppealPeriodQuery = z.infer<typeof AppealPeriodQuerySchema>;

export const HotTopicsQuerySchema = AppealPeriodQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type HotTopicsQuery = z.infer<typeof HotTopicsQuerySchema>;

const Count = z.number().int();

export const HotTopicsSchema = z.object({
  total: Count,
  terms: z.array(z.object({ term: z.string(), count: Count, share: z.number() })),
  categories: z.array(z.object({ category: z.string(), label: z.string(), count: Count, share: z.number() })),
});
export type HotTopics = z.infer<typeof HotTopicsSchema>;

export const RisingTopicsQuerySchema = AppealScopeQuerySchema.extend({
  /** Any day of the week to test (weeks run Monday to Sunday). */
  week: isoDay("周内日期格式应为 YYYY-MM-DD"),
});
export type RisingTopicsQuery = z.infer<typeof RisingTopicsQuerySchema>;

export const RisingTopicSchema = z.object({
  kind: z.enum(["term", "category"]),
  key: z.string(),
  label: z.string(),
  count: Count,
  /** The trailing eight weeks' counts, oldest first, and their mean (the baseline λ). */
  history: z.array(Count),
  baseline: z.number(),
  /** P(X ≥ count) for X ~ Poisson(max(λ, floor)): smaller is more surprising. */
  pValue: z.number(),
});
export const RisingTopicsSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  /** The statistic and its threshold, as the page states them. */
  method: z.string(),
  rising: z.array(RisingTopicSchema),
});
export type RisingTopics = z.infer<typeof RisingTopicsSchema>;

export const HotSpotsQuerySchema = AppealPeriodQuerySchema.extend({
  minCount: z.coerce.number().int().min(2).max(1000).default(5),
});
export type HotSpotsQuery = z.infer<typeof HotSpotsQuerySchema>;

export const HotSpotsSchema = z.object({
  method: z.string(),
  spots: z.array(
    z.object({
      communityId: z.string(),
      community: z.string(),
      town: z.string(),
      term: z.string(),
      count: Count,
      /** The 30 days in which the most of them fell. */
      from: z.string(),
      to: z.string(),
    }),
  ),
});
export type HotSpots = z.infer<typeof HotSpotsSchema>;

export const RepeatCallersSchema = z.object({
  method: z.string(),
  callers: z.array(
    z.object({
      /** Masked (138****1234); the full number only through the audited contacts reveal. */
      phone: z.string(),
      count: Count,
      from: z.string(),
      to: z.string(),
      workOrderIds: z.array(z.string()),
    }),
  ),
});
export type RepeatCallers = z.infer<typeof RepeatCallersSchema>;
