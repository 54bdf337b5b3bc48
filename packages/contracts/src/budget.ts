import { z } from "zod";
import { Id, idOf } from "./id.ts";

/** Money crosses the API as integer 分; the UI shows 万元 with two decimals. */
export const FenSchema = z
  .number({ error: "金额须为数字（单位：分）" })
  .int({ error: "金额须为整数分" })
  .min(0, { error: "金额不能为负" })
  .max(1e14, { error: "金额过大" });

export const fenToWan = (fen: number) => fen / 1_000_000;
export const formatWan = (fen: number) =>
  (fen / 1_000_000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Parses "228.38" (万元) to 分 without floating drift; null when not a money amount. */
export function wanToFen(text: string): number | null {
  const m = /^(-)?(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.replace(/[,，\s]/g, ""));
  if (!m) {
    return null;
  }
  const fen = Number(m[2]) * 1_000_000 + Number((m[3] ?? "").padEnd(6, "0"));
  return m[1] ? -fen : fen;
}

export const YearSchema = z.coerce
  .number({ error: "年度须为数字" })
  .int({ error: "年度须为整数" })
  .min(2000, { error: "年度不早于2000年" })
  .max(2100, { error: "年度不晚于2100年" });
export const YearParamSchema = z.object({ year: YearSchema });

export const REVENUE_SOURCES = ["fiscal_appropriation", "government_fund", "business", "other"] as const;
export const RevenueSourceSchema = z.enum(REVENUE_SOURCES, { error: "收入来源不在可选范围内" });
export const REVENUE_SOURCE_LABELS: Record<(typeof REVENUE_SOURCES)[number], string> = {
  fiscal_appropriation: "财政拨款收入",
  government_fund: "政府性基金收入",
  business: "事业收入",
  other: "其他收入",
};

export const FUND_TYPES = ["general", "government_fund"] as const;
export const FundTypeSchema = z.enum(FUND_TYPES, { error: "资金性质只能是 一般公共预算 或 政府性基金预算" });
export const FUND_TYPE_LABELS: Record<(typeof FUND_TYPES)[number], string> = {
  general: "一般公共预算",
  government_fund: "政府性基金预算",
};

export const INDICATOR_CATEGORIES = [
  "output_quantity",
  "output_quality",
  "output_timeliness",
  "output_cost",
  "benefit",
  "satisfaction",
] as const;
export const IndicatorCategorySchema = z.enum(INDICATOR_CATEGORIES, { error: "指标类别不在可选范围内" });
export const INDICATOR_CATEGORY_LABELS: Record<(typeof INDICATOR_CATEGORIES)[number], string> = {
  output_quantity: "产出-数量",
  output_quality: "产出-质量",
  output_timeliness: "产出-时效",
  output_cost: "产出-成本",
  benefit: "效益",
  satisfaction: "满意度",
};
export const COMPARATORS = [">=", "<=", "=", ">", "<"] as const;
export const ComparatorSchema = z.enum(COMPARATORS, { error: "比较方式只能是 >=、<=、=、>、< 之一" });

const name = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不超过${max}字` });

export const IndicatorInputSchema = z.object({
  category: IndicatorCategorySchema,
  name: name("指标名称", 100),
  comparator: ComparatorSchema,
  target: z.number({ error: "指标值须为数字" }).finite(),
  unit: z.string().trim().max(20, { error: "计量单位不超过20字" }).default(""),
  actual: z.number({ error: "实际完成值须为数字" }).finite().nullable().default(null),
});
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

export const ProjectInputSchema = z.object({
  code: z
    .string({ error: "请填写项目编码" })
    .trim()
    .regex(/^[A-Za-z0-9-]{1,40}$/, { error: "项目编码只能含字母、数字和连字符，最多40位" }),
  name: name("项目名称", 200),
  level: z.union([z.literal(1), z.literal(2)], { error: "项目级次只能是 1 或 2" }),
  parentCode: z.string().trim().max(40).nullable().default(null),
  fundType: FundTypeSchema.default("general"),
  budgetFen: FenSchema,
  adjustmentFen: z.number().int({ error: "调整数须为整数分" }).min(-1e14).max(1e14).default(0),
  executedFen: FenSchema,
  carryOverFen: FenSchema.default(0),
  months: z.array(FenSchema).length(12, { error: "月度执行须为12个月" }).nullable().default(null),
  indicators: z.array(IndicatorInputSchema).max(100).default([]),
});
export type ProjectInput = z.infer<typeof ProjectInputSchema>;

/** The 决算 statement's totals as entered (null: not entered); kept as stated, never recomputed. */
export const FINAL_ACCOUNT_FIELDS = [
  "finalRevenueFen",
  "finalOpeningBalanceFen",
  "finalExpenditureFen",
  "finalBasicFen",
  "finalProjectFen",
  "finalClosingBalanceFen",
] as const;
export type FinalAccountField = (typeof FINAL_ACCOUNT_FIELDS)[number];
export const FINAL_ACCOUNT_LABELS: Record<FinalAccountField, string> = {
  finalRevenueFen: "决算收入合计",
  finalOpeningBalanceFen: "年初结转结余",
  finalExpenditureFen: "决算支出合计",
  finalBasicFen: "决算基本支出",
  finalProjectFen: "决算项目支出",
  finalClosingBalanceFen: "年末结转结余",
};
const stated = FenSchema.nullable().default(null);
const FINAL_ACCOUNT_SHAPE = {
  finalRevenueFen: stated,
  finalOpeningBalanceFen: stated,
  finalExpenditureFen: stated,
  finalBasicFen: stated,
  finalProjectFen: stated,
  finalClosingBalanceFen: stated,
} satisfies Record<FinalAccountField, typeof stated>;

export const BudgetYearInputSchema = z.object({
  orgUnitId: idOf("请选择部门"),
  revenues: z
    .array(z.object({ source: RevenueSourceSchema, budgetFen: FenSchema, actualFen: FenSchema }))
    .max(REVENUE_SOURCES.length),
  basicBudgetFen: FenSchema,
  basicExecutedFen: FenSchema,
  publicFundsBudgetFen: FenSchema,
  publicFundsActualFen: FenSchema,
  threePublicBudgetFen: FenSchema,
  threePublicActualFen: FenSchema,
  procurementPlanFen: FenSchema,
  procurementActualFen: FenSchema,
  fixedAssetsTotalFen: FenSchema,
  fixedAssetsInUseFen: FenSchema,
  ...FINAL_ACCOUNT_SHAPE,
});
export type BudgetYearInput = z.infer<typeof BudgetYearInputSchema>;

export const IndicatorSchema = IndicatorInputSchema.extend({ id: Id, met: z.boolean().nullable() });
export const ProjectSchema = ProjectInputSchema.omit({ indicators: true }).extend({
  id: Id,
  months: z.array(z.number()).nullable(),
  executionRate: z.number().nullable(),
  indicators: z.array(IndicatorSchema),
});
export type Project = z.infer<typeof ProjectSchema>;

export const FactInputSchema = z.object({
  key: z
    .string({ error: "请填写键名" })
    .trim()
    .regex(/^[a-z][a-zA-Z0-9]{0,40}$/, { error: "键名以小写字母开头，只含字母和数字" }),
  label: name("事项名称", 100),
  value: z.number({ error: "数值须为数字" }).finite(),
  unit: z.string().trim().max(20).default(""),
  sourceNote: name("来源说明", 500),
  evidence: z
    .object({
      name: name("佐证文件名", 200),
      type: z.string().max(100).default("application/octet-stream"),
      base64: z.string().max(8_000_000, { error: "佐证材料不超过 6 MB" }),
    })
    .nullable()
    .default(null),
});
export type FactInput = z.infer<typeof FactInputSchema>;
export const FactSchema = FactInputSchema.omit({ evidence: true }).extend({
  id: Id,
  evidenceName: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

/** One identity that does not hold: its two sides as stated or computed, and the difference. */
export const IdentityBreakSchema = z.object({
  key: z.enum(["project_list", "basic_plus_project", "balance", "revenue_sources", "basic_executed"]),
  /** A sentence for the officer: "二级项目预算完成数合计 7,298.04 万元 ≠ 决算项目支出 7,278.02 万元，相差 20.02 万元". */
  message: z.string(),
  leftFen: z.number(),
  rightFen: z.number(),
  differenceFen: z.number(),
});
export type IdentityBreak = z.infer<typeof IdentityBreakSchema>;

export const BudgetSummarySchema = z.object({
  revenueBudgetFen: z.number(),
  revenueActualFen: z.number(),
  fiscalBudgetFen: z.number(),
  fiscalActualFen: z.number(),
  basicExecutedFen: z.number(),
  projectBudgetFen: z.number(),
  projectExecutedFen: z.number(),
  expenditureFen: z.number(),
  carryOverFen: z.number(),
  level1Projects: z.number().int(),
  level2Projects: z.number().int(),
  governmentFundProjects: z.number().int(),
  executionRate: z.number().nullable(),
  indicators: z.number().int(),
  indicatorsMet: z.number().int(),
  /** Identities of the 决算 statement (and of the records against it) that do not hold. */
  identityBreaks: z.array(IdentityBreakSchema),
});
export type BudgetSummary = z.infer<typeof BudgetSummarySchema>;

export const BudgetYearSchema = BudgetYearInputSchema.extend({
  id: Id,
  year: z.number().int(),
  orgUnitName: z.string(),
  summary: BudgetSummarySchema,
  projects: z.array(ProjectSchema),
  facts: z.array(FactSchema),
  canEdit: z.boolean(),
});
export type BudgetYear = z.infer<typeof BudgetYearSchema>;
export const BudgetYearListSchema = z.array(
  z.object({ year: z.number().int(), orgUnitName: z.string(), summary: BudgetSummarySchema }),
);

export const BudgetImportResultSchema = z.object({
  dryRun: z.boolean(),
  projects: z.number().int(),
  indicators: z.number().int(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int(), field: z.string(), message: z.string() })),
});
export type BudgetImportResult = z.infer<typeof BudgetImportResultSchema>;
