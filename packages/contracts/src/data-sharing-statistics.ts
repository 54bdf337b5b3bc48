import { z } from "zod";
import { BatchSchema } from "./data-sharing-batches.ts";
import { Id, idOf } from "./id.ts";

// 数据统计: a year's aggregated rows (汇聚) and shared rows (共享) by provider, consumer and month.

export const StatisticsQuerySchema = z.object({
  /** Calendar year in Asia/Shanghai; the current one when absent. */
  year: z.coerce
    .number({ error: "年份须为数字" })
    .int({ error: "年份须为整数" })
    .min(2000, { error: "年份不能早于 2000 年" })
    .max(2100, { error: "年份不能晚于 2100 年" })
    .optional(),
});

const UnitFigure = z.object({ unitId: Id, name: z.string(), rows: z.number(), count: z.number().int() });
const MonthFigure = z.object({ month: z.string(), rows: z.number(), count: z.number().int() });
export type UnitFigure = z.infer<typeof UnitFigure>;
export type MonthFigure = z.infer<typeof MonthFigure>;

export const StatisticsSchema = z.object({
  year: z.number().int(),
  /** Sum of accepted rows over the batches received in the year, stored or registered-only; count = batches. */
  aggregated: z.object({
    rows: z.number(),
    batches: z.number().int(),
    byProvider: z.array(UnitFigure),
    byMonth: z.array(MonthFigure),
  }),
  /** Rows returned by served data-service calls in the year; count = calls. */
  shared: z.object({
    rows: z.number(),
    calls: z.number().int(),
    byProvider: z.array(UnitFigure),
    byConsumer: z.array(UnitFigure),
    byMonth: z.array(MonthFigure),
  }),
});
export type Statistics = z.infer<typeof StatisticsSchema>;

const Day = z.iso.date({ error: "日期格式须为 YYYY-MM-DD" });
export const BatchSearchQuerySchema = z.object({
  /** The provider unit of the resources (that unit only, not its subtree). */
  providerUnitId: idOf("提供方编号格式不正确").optional(),
  resourceCode: z.string().max(20).optional(),
  /** Received on or after this day (Asia/Shanghai). */
  from: Day.optional(),
  /** Received on or before this day (Asia/Shanghai). */
  to: Day.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type BatchSearchQuery = z.infer<typeof BatchSearchQuerySchema>;

export const BatchSearchListSchema = z.object({
  total: z.number().int(),
  /** Accepted rows over every matching batch (the figure the statistics page links from). */
  acceptedRows: z.number(),
  items: z.array(
    BatchSchema.omit({ quarantine: true }).extend({
      resourceCode: z.string(),
      resourceName: z.string(),
      providerUnitId: Id,
      providerName: z.string(),
    }),
  ),
});
