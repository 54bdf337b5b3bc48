import { z } from "zod";

// The 数据资源目录 workbook (信息资源 + 信息项 sheets): what an import did or, in a dry run, would do.

export const ResourceImportQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "dryRun 只能是 true 或 false" })
    .default("false")
    .transform((v) => v === "true"),
});

export const ResourceImportResultSchema = z.object({
  dryRun: z.boolean(),
  resources: z.number().int(),
  fields: z.number().int(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type ResourceImportResult = z.infer<typeof ResourceImportResultSchema>;

/** A refused import's details (422): every bad cell by sheet, row and column. */
export const ResourceImportIssueSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
