import { z } from "zod";
import { Id, idOf } from "./id.ts";

export const EVALUATION_STATUSES = ["draft", "submitted", "approved"] as const;
export const EvaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export const EVALUATION_STATUS_LABELS: Record<(typeof EVALUATION_STATUSES)[number], string> = {
  draft: "草稿",
  submitted: "已提交待审定",
  approved: "已审定",
};
export const GRADES = ["优", "良", "中", "差"] as const;

/** Rules data can decide; every other node is scored by the officer ("manual") or sums its children ("sum"). */
export const AUTO_RULES = [
  "indicator_completion",
  "budget_execution_band",
  "revenue_variance",
  "carry_over_rate",
  "procurement_execution",
  "fixed_asset_utilization",
  "public_funds_control",
  "three_public_control",
  "duty_effectiveness",
] as const;
export const RULES = ["sum", "manual", ...AUTO_RULES] as const;
export const RuleSchema = z.enum(RULES);
export type Rule = z.infer<typeof RuleSchema>;

export const EvaluationItemSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  maxPoints: z.number(),
  minPoints: z.number(),
  rule: RuleSchema,
  ruleParams: z.record(z.string(), z.number()),
  evidence: z.string(),
  /** The node's score: given (manual), computed (auto) or the capped sum of its children. */
  score: z.number().nullable(),
  /** Sum of the children before the cap (group nodes). */
  rawSum: z.number().nullable(),
  capped: z.boolean(),
  justification: z.string().nullable(),
  computation: z.string().nullable(),
});
export type EvaluationItem = z.infer<typeof EvaluationItemSchema>;

export const EvaluationSchema = z.object({
  id: Id,
  year: z.number().int(),
  version: z.number().int(),
  status: EvaluationStatusSchema,
  items: z.array(EvaluationItemSchema),
  total: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  contentHash: z.string().nullable(),
  hashValid: z.boolean().nullable(),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  missing: z.array(z.string()),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), revise: z.boolean() }),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const EvaluationListSchema = z.array(
  z.object({
    id: Id,
    year: z.number().int(),
    version: z.number().int(),
    status: EvaluationStatusSchema,
    contentHash: z.string().nullable(),
    approvedAt: z.string().nullable(),
  }),
);

export const CreateEvaluationInputSchema = z.object({
  year: z.coerce.number().int().min(2000, { error: "年度不早于2000年" }).max(2100, { error: "年度不晚于2100年" }),
});
export const ItemCodeParamSchema = z.object({
  id: idOf("id 必须是 UUID"),
  code: z.string().regex(/^\d+(\.\d+){0,3}$/, { error: "指标编号格式不正确" }),
});
export const UpdateItemInputSchema = z
  .object({
    score: z.number({ error: "得分须为数字" }).finite().nullable().optional(),
    justification: z.string().trim().max(2000, { error: "评分说明不超过2000字" }).optional(),
    maxPoints: z.number({ error: "分值须为数字" }).min(0, { error: "分值不能为负" }).max(100).optional(),
    evidence: z.string().trim().max(500).optional(),
    ruleParams: z.record(z.string(), z.number().finite()).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: "没有要修改的内容" });
export type UpdateItemInput = z.infer<typeof UpdateItemInputSchema>;
export const ReturnInputSchema = z.object({
  reason: z.string().trim().min(2, { error: "请写明退回原因" }).max(500),
});
export const CompareQuerySchema = z.object({ from: Id, to: Id });
export const ComparisonSchema = z.object({
  from: z.object({ version: z.number().int(), total: z.number().nullable(), grade: z.string().nullable() }),
  to: z.object({ version: z.number().int(), total: z.number().nullable(), grade: z.string().nullable() }),
  changes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      field: z.enum(["score", "maxPoints", "justification", "added", "removed"]),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
});
