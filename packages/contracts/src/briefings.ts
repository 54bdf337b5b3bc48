import { z } from "zod";
import { isoDay } from "./common.ts";

/*
 * 诉求分析简报: a weekly or monthly account of what citizens called about, built from the 诉求
 * analysis. Every number is a figure or a table cell computed from the database, listed with the
 * SQL that produced it.
 */

export const BRIEFING_FORMATS = ["json", "docx", "pdf"] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];

export const BriefingQuerySchema = z.object({
  from: isoDay("开始日期格式应为 YYYY-MM-DD"),
  to: isoDay("结束日期格式应为 YYYY-MM-DD"),
  format: z.enum(BRIEFING_FORMATS, { error: "格式须为 json、docx 或 pdf" }).default("json"),
});
export type BriefingQuery = z.infer<typeof BriefingQuerySchema>;

/** Weekly: Monday to Sunday; monthly: a calendar month; any other span of days is a period briefing. */
export const BriefingKindSchema = z.enum(["weekly", "monthly", "period"]);
export type BriefingKind = z.infer<typeof BriefingKindSchema>;

/** One number of the briefing: its value, what it means, and the query that produced it (runnable). */
export const BriefingFigureSchema = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.enum(["件", "个", "%"]),
  definition: z.string(),
  sql: z.string(),
});
export type BriefingFigure = z.infer<typeof BriefingFigureSchema>;

/** A ranked list of the briefing, each cell computed by its query (or derived as its definition says). */
export const BriefingTableSchema = z.object({
  label: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
  definition: z.string(),
  sql: z.array(z.string()),
});
export type BriefingTable = z.infer<typeof BriefingTableSchema>;

export const BriefingSchema = z.object({
  tenant: z.object({ code: z.string(), name: z.string() }),
  kind: BriefingKindSchema,
  title: z.string(),
  from: z.string(),
  to: z.string(),
  /** The period compared against: the previous month for a monthly briefing, else as many days before. */
  previous: z.object({ from: z.string(), to: z.string() }),
  figures: z.record(z.string(), BriefingFigureSchema),
  tables: z.record(z.string(), BriefingTableSchema),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(z.string()),
      /** Keys of `tables` shown in the section, and of the charts drawn from them. */
      tables: z.array(z.string()),
      charts: z.array(z.object({ key: z.string(), caption: z.string(), table: z.string() })),
    }),
  ),
  warnings: z.array(z.string()),
});
export type Briefing = z.infer<typeof BriefingSchema>;
