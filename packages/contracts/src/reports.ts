import { z } from "zod";

export const ReportFigureSchema = z.object({
  value: z.number(),
  label: z.string(),
  format: z.enum(["count", "rate", "wan", "points", "number", "yi"]),
  href: z.string(),
  note: z.string(),
  manual: z.boolean().optional(),
});
export const ReportPreviewSchema = z.object({
  title: z.string(),
  year: z.number().int(),
  html: z.string(),
  figures: z.record(z.string(), ReportFigureSchema),
  scores: z.object({
    evaluationId: z.string().nullable(),
    version: z.number().int().nullable(),
    status: z.string().nullable(),
    total: z.number().nullable(),
    grade: z.string().nullable(),
  }),
  warnings: z.array(z.string()),
});
export type ReportPreview = z.infer<typeof ReportPreviewSchema>;

export const ParagraphListSchema = z.object({
  canEdit: z.boolean(),
  items: z.array(
    z.object({
      key: z.string(),
      section: z.string(),
      label: z.string(),
      defaultText: z.string(),
      text: z.string(),
      edited: z.boolean(),
    }),
  ),
});
export const ParagraphParamSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  key: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, { error: "段落键名格式不正确" }),
});
export const ParagraphInputSchema = z.object({
  text: z.string().trim().min(1, { error: "段落不能为空" }).max(5000, { error: "段落不超过5000字" }),
});

export const FINDING_KINDS = [
  "sum_mismatch",
  "score_sum_mismatch",
  "cap_exceeded",
  "rate_mismatch",
  "unit_mismatch",
  "duplicate_sentence",
  "numbering",
  "count_mismatch",
  "balance_mismatch",
] as const;
export const FINDING_KIND_LABELS: Record<(typeof FINDING_KINDS)[number], string> = {
  sum_mismatch: "合计与分项不符",
  score_sum_mismatch: "得分与分项得分之和不符",
  cap_exceeded: "得分超过分值",
  rate_mismatch: "比率与其数据不符",
  unit_mismatch: "金额单位不一致",
  duplicate_sentence: "重复语句",
  numbering: "序号错误",
  count_mismatch: "所述数量与所列项数不符",
  balance_mismatch: "收支不平衡",
};
export const CheckResultSchema = z.object({
  fileName: z.string(),
  lines: z.number().int(),
  findings: z.array(
    z.object({
      kind: z.enum(FINDING_KINDS),
      line: z.number().int(),
      /** The PDF page of the finding, when the report is a PDF. */
      page: z.number().int().optional(),
      stated: z.string(),
      computed: z.string(),
      message: z.string(),
    }),
  ),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
