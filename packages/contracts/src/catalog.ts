import { z } from "zod";
import { isoDay } from "./common.ts";
import { Id, idOf } from "./id.ts";

/** The eight kinds of service item (domain-rules §3). */
export const ITEM_TYPES = [
  "license",
  "confirmation",
  "payment",
  "ruling",
  "reward",
  "filing",
  "other_power",
  "public_service",
] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES, { error: "事项类型不正确" });
export type ItemType = z.infer<typeof ItemTypeSchema>;
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  license: "行政许可",
  confirmation: "行政确认",
  payment: "行政给付",
  ruling: "行政裁决",
  reward: "行政奖励",
  filing: "行政备案",
  other_power: "其他行政权力",
  public_service: "公共服务",
};

/** 主项 → 子项 → 业务办理项. */
export const ITEM_LEVELS = ["main", "sub", "handling"] as const;
export const ItemLevelSchema = z.enum(ITEM_LEVELS, { error: "事项层级不正确" });
export type ItemLevel = z.infer<typeof ItemLevelSchema>;
export const ITEM_LEVEL_LABELS: Record<ItemLevel, string> = { main: "主项", sub: "子项", handling: "业务办理项" };

export const EXERCISE_LEVELS = ["province", "city", "district", "town", "village"] as const;
export const ExerciseLevelSchema = z.enum(EXERCISE_LEVELS, { error: "行使层级不正确" });
export type ExerciseLevel = z.infer<typeof ExerciseLevelSchema>;
export const EXERCISE_LEVEL_LABELS: Record<ExerciseLevel, string> = {
  province: "省级",
  city: "市级",
  district: "区级",
  town: "镇（街）级",
  village: "村（居）级",
};

export const ONLINE_DEPTHS = ["consult", "pre_review", "online", "full_online"] as const;
export const OnlineDepthSchema = z.enum(ONLINE_DEPTHS, { error: "网办深度不正确" });
export type OnlineDepth = z.infer<typeof OnlineDepthSchema>;
export const ONLINE_DEPTH_LABELS: Record<OnlineDepth, string> = {
  consult: "一级（网上咨询）",
  pre_review: "二级（网上预审）",
  online: "三级（网上办理）",
  full_online: "四级（全程网办）",
};

/** 跨域通办 scopes; an item counts once per scope it is listed under. */
export const CROSS_REGION_SCOPES = ["province", "inter_province", "national"] as const;
export const CrossRegionScopeSchema = z.enum(CROSS_REGION_SCOPES, { error: "跨域通办范围不正确" });
export type CrossRegionScope = z.infer<typeof CrossRegionScopeSchema>;
export const CROSS_REGION_LABELS: Record<CrossRegionScope, string> = {
  province: "省内通办",
  inter_province: "跨省通办",
  national: "全国通办",
};

export const MATERIAL_KINDS = ["original", "copy", "electronic"] as const;
export const MaterialKindSchema = z.enum(MATERIAL_KINDS, { error: "材料形式不正确" });
export type MaterialKind = z.infer<typeof MaterialKindSchema>;
export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = {
  original: "原件",
  copy: "复印件",
  electronic: "电子件",
};

/** Where a material comes from; `shared_data` means the applicant need not submit it (免提交). */
export const MATERIAL_SOURCES = ["applicant", "government", "shared_data"] as const;
export const MaterialSourceSchema = z.enum(MATERIAL_SOURCES, { error: "材料来源不正确" });
export type MaterialSource = z.infer<typeof MaterialSourceSchema>;
export const MATERIAL_SOURCE_LABELS: Record<MaterialSource, string> = {
  applicant: "申请人自备",
  government: "政府部门核发",
  shared_data: "免提交（数据共享）",
};

export const TRUST_LEVELS = ["A", "B", "C", "D"] as const;
export const TrustLevelSchema = z.enum(TRUST_LEVELS, { error: "信任等级须为 A、B、C、D 之一" });

export const ITEM_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_.-]{1,39}$/;
export const ItemCodeSchema = z
  .string({ error: "请填写事项编码" })
  .trim()
  .regex(ITEM_CODE_PATTERN, { error: "事项编码只能由字母、数字、点、横线和下划线组成（2–40位）" });

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, { error: `${label}不能超过${max}字` });
const required = (label: string, max: number) => text(label, max).min(1, { error: `请填写${label}` });
const days = (label: string) =>
  z
    .number({ error: `${label}须为整数（工作日）` })
    .int({ error: `${label}须为整数（工作日）` })
    .min(0, { error: `${label}不能为负数` })
    .max(3650, { error: `${label}不能超过3650个工作日` });

export const MaterialInputSchema = z
  .object({
    name: required("材料名称", 200),
    kind: MaterialKindSchema,
    copies: z
      .number({ error: "份数须为整数" })
      .int({ error: "份数须为整数" })
      .min(0, { error: "份数不能为负数" })
      .max(99, { error: "份数不能超过99" }),
    source: MaterialSourceSchema,
    /** The shared data source a 免提交 material is fetched from (e.g. 省电子证照库·营业执照). */
    exemptDataSource: text("共享数据来源", 200).nullable().default(null),
    required: z.boolean({ error: "请注明是否必要材料" }),
    deferrable: z.boolean({ error: "请注明是否可容缺" }),
    trustLevel: TrustLevelSchema,
    template: text("空白表格/样表", 300).default(""),
    basis: text("材料依据", 500).default(""),
  })
  .superRefine((m, ctx) => {
    if (m.source === "shared_data" && !m.exemptDataSource) {
      ctx.addIssue({ code: "custom", path: ["exemptDataSource"], message: "免提交材料须写明共享数据来源" });
    }
    if (m.source !== "shared_data" && m.exemptDataSource) {
      ctx.addIssue({ code: "custom", path: ["exemptDataSource"], message: "只有免提交材料填写共享数据来源" });
    }
    // 容缺受理: main materials must be complete; only secondary ones may be made up later.
    if (m.deferrable && m.required) {
      ctx.addIssue({ code: "custom", path: ["deferrable"], message: "必要材料不能容缺，只有次要材料可以容缺" });
    }
  });
export type MaterialInput = z.infer<typeof MaterialInputSchema>;

export const ItemInputSchema = z
  .object({
    code: ItemCodeSchema,
    name: required("事项名称", 200),
    level: ItemLevelSchema,
    parentCode: ItemCodeSchema.nullable().default(null),
    type: ItemTypeSchema,
    departmentId: idOf("请选择主管部门"),
    implementingBody: required("实施主体", 200),
    legalBasis: required("设定依据", 4000),
    exerciseLevel: ExerciseLevelSchema,
    statutoryLimitDays: days("法定办结时限"),
    promisedLimitDays: days("承诺办结时限"),
    place: text("办理地点", 500).default(""),
    fees: text("收费标准", 500).default(""),
    result: text("办理结果", 200).default(""),
    visitsRequired: z
      .number({ error: "跑动次数须为整数" })
      .int({ error: "跑动次数须为整数" })
      .min(0, { error: "跑动次数不能为负数" })
      .max(10, { error: "跑动次数不能超过10" }),
    onlineDepth: OnlineDepthSchema,
    onApplication: z.boolean({ error: "请注明是否依申请事项" }),
    materialsReduced: z.boolean({ error: "请注明是否已减材料" }),
    bookableTown: z.boolean({ error: "请注明镇街大厅是否可预约" }),
    bookableVillage: z.boolean({ error: "请注明村居站点是否可预约" }),
    deferrable: z.boolean({ error: "请注明是否列入容缺受理清单" }),
    policyBenefit: z.boolean({ error: "请注明是否政策兑现事项" }),
    crossRegionScopes: z.array(CrossRegionScopeSchema).max(3).default([]),
    keywords: text("关键词", 200).default(""),
    materials: z.array(MaterialInputSchema).max(200, { error: "材料不能超过200项" }).default([]),
  })
  .superRefine((i, ctx) => {
    if (i.promisedLimitDays > i.statutoryLimitDays && i.statutoryLimitDays > 0) {
      ctx.addIssue({ code: "custom", path: ["promisedLimitDays"], message: "承诺办结时限不能超过法定办结时限" });
    }
    if (i.level === "main" && i.parentCode) {
      ctx.addIssue({ code: "custom", path: ["parentCode"], message: "主项没有上级事项" });
    }
    if (i.level !== "main" && !i.parentCode) {
      ctx.addIssue({ code: "custom", path: ["parentCode"], message: "子项和业务办理项须填写上级事项编码" });
    }
    if (new Set(i.crossRegionScopes).size !== i.crossRegionScopes.length) {
      ctx.addIssue({ code: "custom", path: ["crossRegionScopes"], message: "跨域通办范围重复" });
    }
    if (i.deferrable && !i.materials.some((m) => m.deferrable)) {
      ctx.addIssue({ code: "custom", path: ["deferrable"], message: "列入容缺受理清单的事项至少要有一项可容缺材料" });
    }
  });
export type ItemInput = z.infer<typeof ItemInputSchema>;

export const MaterialSchema = z.object({
  id: Id,
  name: z.string(),
  kind: MaterialKindSchema,
  copies: z.number().int(),
  source: MaterialSourceSchema,
  exemptDataSource: z.string().nullable(),
  required: z.boolean(),
  deferrable: z.boolean(),
  trustLevel: TrustLevelSchema,
  template: z.string(),
  basis: z.string(),
});
export type Material = z.infer<typeof MaterialSchema>;

const itemFields = {
  id: Id,
  code: z.string(),
  name: z.string(),
  level: ItemLevelSchema,
  parentCode: z.string().nullable(),
  type: ItemTypeSchema,
  departmentId: Id,
  departmentName: z.string(),
  implementingBody: z.string(),
  legalBasis: z.string(),
  exerciseLevel: ExerciseLevelSchema,
  statutoryLimitDays: z.number().int(),
  promisedLimitDays: z.number().int(),
  place: z.string(),
  fees: z.string(),
  result: z.string(),
  visitsRequired: z.number().int(),
  onlineDepth: OnlineDepthSchema,
  onApplication: z.boolean(),
  materialsReduced: z.boolean(),
  bookableTown: z.boolean(),
  bookableVillage: z.boolean(),
  deferrable: z.boolean(),
  policyBenefit: z.boolean(),
  crossRegionScopes: z.array(CrossRegionScopeSchema),
  keywords: z.string(),
};

export const ItemSummarySchema = z.object({
  ...itemFields,
  version: z.number().int(),
  validFrom: z.string(),
  materialCount: z.number().int(),
  exemptCount: z.number().int(),
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

export const ItemSchema = z.object({
  ...itemFields,
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  withdrawn: z.boolean(),
  changedBy: z.string(),
  materials: z.array(MaterialSchema),
  policyCases: z.number().int(),
  canEdit: z.boolean(),
});
export type Item = z.infer<typeof ItemSchema>;

export const FieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const ItemVersionSchema = z.object({
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  changedBy: z.string(),
  action: z.enum(["create", "update", "withdraw", "import"]),
  changes: z.array(FieldChangeSchema),
});
export const ItemVersionListSchema = z.object({ items: z.array(ItemVersionSchema) });

export const CATALOG_FLAGS = [
  "materialsReduced",
  "deferrable",
  "policyBenefit",
  "crossRegion",
  "bookableTown",
  "bookableVillage",
  "onApplication",
] as const;
export const CatalogFlagSchema = z.enum(CATALOG_FLAGS, { error: "筛选标志不正确" });
export type CatalogFlag = z.infer<typeof CatalogFlagSchema>;

/** ISO date (YYYY-MM-DD); the catalog "as of" the end of that day in business time. */
export const AsOfSchema = isoDay("日期格式须为 YYYY-MM-DD");

export const ItemListQuerySchema = z.object({
  q: z.string().trim().max(50, { error: "关键词不能超过50字" }).optional(),
  departmentId: idOf("departmentId 必须是 UUID").optional(),
  type: ItemTypeSchema.optional(),
  level: ItemLevelSchema.optional(),
  exerciseLevel: ExerciseLevelSchema.optional(),
  flag: CatalogFlagSchema.optional(),
  materialSource: MaterialSourceSchema.optional(),
  asOf: AsOfSchema.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ItemListQuery = z.infer<typeof ItemListQuerySchema>;
export const ItemListSchema = z.object({ total: z.number().int(), items: z.array(ItemSummarySchema) });

export const AsOfQuerySchema = z.object({ asOf: AsOfSchema.optional() });

export const BundleInputSchema = z.object({
  code: ItemCodeSchema,
  name: required("一件事名称", 200),
  description: text("说明", 2000).default(""),
  itemCodes: z
    .array(ItemCodeSchema)
    .min(2, { error: "一件事至少包含两个事项" })
    .max(100, { error: "一件事不能超过100个事项" }),
});
export type BundleInput = z.infer<typeof BundleInputSchema>;

export const BundleSchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  validFrom: z.string(),
  items: z.array(z.object({ code: z.string(), name: z.string(), departmentName: z.string() })),
});
export type Bundle = z.infer<typeof BundleSchema>;
export const BundleListSchema = z.object({ items: z.array(BundleSchema) });

export const PolicyCaseInputSchema = z.object({
  caseNo: required("兑现编号", 60),
  grantedOn: z.iso.date({ error: "兑现日期格式须为 YYYY-MM-DD" }),
  beneficiaryKind: z.enum(["enterprise", "individual"], { error: "兑现对象须为企业或个人" }),
  amountFen: z
    .number({ error: "金额须为整数（分）" })
    .int({ error: "金额须为整数（分）" })
    .min(0, { error: "金额不能为负数" }),
});
export type PolicyCaseInput = z.infer<typeof PolicyCaseInputSchema>;
export const PolicyCaseSchema = PolicyCaseInputSchema.extend({ id: Id, itemCode: z.string() });

export const METRIC_GROUPS = ["department", "type", "level", "exerciseLevel", "onlineDepth"] as const;
export const MetricGroupSchema = z.enum(METRIC_GROUPS, { error: "分组方式不正确" });
export const CatalogMetricsQuerySchema = z.object({
  asOf: AsOfSchema.optional(),
  groupBy: MetricGroupSchema.default("department"),
});
export type CatalogMetricsQuery = z.infer<typeof CatalogMetricsQuerySchema>;

export const MetricCountsSchema = z.object({
  items: z.number().int(),
  onApplicationItems: z.number().int(),
  materialsReducedItems: z.number().int(),
  materials: z.number().int(),
  exemptMaterials: z.number().int(),
  deferrableItems: z.number().int(),
  crossRegionEntries: z.number().int(),
  policyBenefitItems: z.number().int(),
  bookableTown: z.number().int(),
  bookableVillage: z.number().int(),
});
export type MetricCounts = z.infer<typeof MetricCountsSchema>;

export const CatalogMetricsSchema = z.object({
  asOf: z.string(),
  total: MetricCountsSchema.extend({
    materialsReducedRate: z.number().nullable(),
    exemptRate: z.number().nullable(),
    deferrableDepartments: z.number().int(),
    bundles: z.number().int(),
    policyBenefitCases: z.number().int(),
  }),
  groups: z.array(MetricCountsSchema.extend({ key: z.string(), label: z.string() })),
});
export type CatalogMetrics = z.infer<typeof CatalogMetricsSchema>;

export const CatalogImportResultSchema = z.object({
  dryRun: z.boolean(),
  items: z.number().int(),
  materials: z.number().int(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string(), message: z.string() })),
});
export type CatalogImportResult = z.infer<typeof CatalogImportResultSchema>;

export const CodeParamSchema = z.object({ code: ItemCodeSchema });
