import { z } from "zod";
import { isoDay } from "./common.ts";
import { Id, idOf } from "./id.ts";

// 政务信息资源目录 (national 编制指南 core metadata), its 信息项, versions and the 信息系统台账.

export const RESOURCE_CLASSES = ["basic", "thematic", "department"] as const;
export type ResourceClass = (typeof RESOURCE_CLASSES)[number];
export const RESOURCE_CLASS_LABELS: Record<ResourceClass, string> = {
  basic: "基础信息资源",
  thematic: "主题信息资源",
  department: "部门信息资源",
};
/** The code's first digit (类) names the classification. */
export const RESOURCE_CLASS_DIGIT: Record<ResourceClass, string> = { basic: "1", thematic: "2", department: "3" };
export const BASIC_SUBCLASSES = ["人口", "法人", "自然资源和空间地理", "社会信用", "电子证照"] as const;

export const RESOURCE_FORMATS = ["table", "file", "api"] as const;
export const RESOURCE_FORMAT_LABELS: Record<(typeof RESOURCE_FORMATS)[number], string> = {
  table: "库表",
  file: "文件",
  api: "接口",
};
export const SHARE_TYPES = ["unconditional", "conditional", "none"] as const;
export type ShareType = (typeof SHARE_TYPES)[number];
export const SHARE_TYPE_LABELS: Record<ShareType, string> = {
  unconditional: "无条件共享",
  conditional: "有条件共享",
  none: "不予共享",
};
export const OPEN_TYPES = ["unconditional", "conditional", "none"] as const;
export const OPEN_TYPE_LABELS: Record<(typeof OPEN_TYPES)[number], string> = {
  unconditional: "无条件开放",
  conditional: "有条件开放",
  none: "不予开放",
};
export const UPDATE_CYCLES = ["realtime", "daily", "weekly", "monthly", "quarterly", "yearly", "irregular"] as const;
export type UpdateCycle = (typeof UPDATE_CYCLES)[number];
export const UPDATE_CYCLE_LABELS: Record<UpdateCycle, string> = {
  realtime: "实时",
  daily: "每日",
  weekly: "每周",
  monthly: "每月",
  quarterly: "每季度",
  yearly: "每年",
  irregular: "不定期",
};
/** Data types of 信息项 as the 编制指南 names them: 字符型 C, 数值型 N, 日期型 D, 日期时间型 T, 逻辑型 L. */
export const FIELD_TYPES = ["C", "N", "D", "T", "L"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  C: "字符型",
  N: "数值型",
  D: "日期型",
  T: "日期时间型",
  L: "逻辑型",
};

const Day = isoDay("日期格式应为 YYYY-MM-DD");
/** 类(1)项(2)目(2)细目(3) + "-" + the provider's sequence (5 digits). */
export const RESOURCE_CODE_PATTERN = /^[1-3]\d{7}-\d{5}$/;
export const ResourceCodeSchema = z.string({ error: "资源代码必填" }).regex(RESOURCE_CODE_PATTERN, {
  error: "资源代码格式应为 类(1位)项(2位)目(2位)细目(3位)-提供方顺序号(5位)，如 10101001-00001",
});
export const ResourceCodeParamSchema = z.object({ code: ResourceCodeSchema });

export const FieldNameSchema = z
  .string({ error: "信息项名称必填" })
  .trim()
  .min(1, { error: "信息项名称不能为空" })
  .max(40, { error: "信息项名称不超过40字" })
  .regex(/^[^\s.[\]]+$/, { error: "信息项名称不能含空格、点号或方括号" });

export const ResourceFieldSchema = z.object({
  name: FieldNameSchema,
  type: z.enum(FIELD_TYPES, { error: "数据类型只能是 C/N/D/T/L" }),
  length: z.number().int().min(1, { error: "长度至少为1" }).max(4000, { error: "长度不超过4000" }),
  required: z.boolean().default(false),
  codeList: z.array(z.string().trim().min(1).max(100)).max(500).nullable().default(null),
  personal: z.boolean().default(false),
  key: z.boolean().default(false),
  /** 查询条件: the one 信息项 (besides the key) the data service finds rows by quickly (it is indexed). */
  query: z.boolean().default(false),
});
export type ResourceField = z.infer<typeof ResourceFieldSchema>;

export const ResourceInputSchema = z
  .object({
    code: ResourceCodeSchema,
    name: z.string({ error: "资源名称必填" }).trim().min(2, { error: "资源名称至少2个字" }).max(100),
    providerUnitId: idOf("请选择提供方"),
    summary: z.string().trim().max(2000, { error: "摘要不超过2000字" }).default(""),
    classification: z.enum(RESOURCE_CLASSES, { error: "资源分类只能是基础、主题或部门信息资源" }),
    subclass: z.string({ error: "请填写资源子类" }).trim().min(1, { error: "请填写资源子类" }).max(40),
    format: z.enum(RESOURCE_FORMATS, { error: "资源格式只能是库表、文件或接口" }),
    shareType: z.enum(SHARE_TYPES, { error: "共享类型只能是无条件共享、有条件共享或不予共享" }),
    shareCondition: z.string().trim().max(1000).default(""),
    shareMethod: z.string({ error: "请填写共享方式" }).trim().min(1, { error: "请填写共享方式" }).max(100),
    openType: z.enum(OPEN_TYPES, { error: "开放类型只能是无条件开放、有条件开放或不予开放" }),
    updateCycle: z.enum(UPDATE_CYCLES, { error: "更新周期不正确" }),
    publishedOn: Day,
    fields: z.array(ResourceFieldSchema).min(1, { error: "至少登记一个信息项" }).max(300),
  })
  .superRefine((r, ctx) => {
    if (r.code[0] !== RESOURCE_CLASS_DIGIT[r.classification]) {
      ctx.addIssue({
        code: "custom",
        path: ["code"],
        message: `资源代码首位（类）应为 ${RESOURCE_CLASS_DIGIT[r.classification]}（${RESOURCE_CLASS_LABELS[r.classification]}）`,
      });
    }
    if (r.classification === "basic" && !(BASIC_SUBCLASSES as readonly string[]).includes(r.subclass)) {
      ctx.addIssue({
        code: "custom",
        path: ["subclass"],
        message: `基础信息资源的子类只能是${BASIC_SUBCLASSES.join("、")}`,
      });
    }
    if (r.shareType !== "unconditional" && r.shareCondition.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["shareCondition"],
        message: r.shareType === "conditional" ? "有条件共享须写明共享条件" : "不予共享须写明法律法规或政策依据",
      });
    }
    const seen = new Set<string>();
    r.fields.forEach((f, i) => {
      if (seen.has(f.name)) {
        ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `信息项“${f.name}”重复` });
      }
      seen.add(f.name);
    });
    const queries = r.fields.flatMap((f, i) => (f.query ? [i] : []));
    for (const i of queries.slice(1)) {
      ctx.addIssue({
        code: "custom",
        path: ["fields", i, "query"],
        message: `查询条件只能设一个信息项（已设“${r.fields[queries[0] ?? 0]?.name ?? ""}”）`,
      });
    }
  });
export type ResourceInput = z.infer<typeof ResourceInputSchema>;
/** An edit names everything but the code (the code is the resource's identity). */
export type ResourceUpdate = Omit<ResourceInput, "code">;

export const ResourceSummarySchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  providerUnitId: Id,
  providerName: z.string(),
  classification: z.enum(RESOURCE_CLASSES),
  subclass: z.string(),
  format: z.enum(RESOURCE_FORMATS),
  shareType: z.enum(SHARE_TYPES),
  openType: z.enum(OPEN_TYPES),
  updateCycle: z.enum(UPDATE_CYCLES),
  publishedOn: z.string(),
  version: z.number().int(),
  /** 汇聚数据量: accepted rows over every batch, stored or registered. */
  aggregatedRows: z.number().int(),
});
export const ResourceSchema = ResourceSummarySchema.extend({
  summary: z.string(),
  shareCondition: z.string(),
  shareMethod: z.string(),
  fields: z.array(ResourceFieldSchema),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof ResourceSchema>;
export const ResourceListSchema = z.object({ total: z.number().int(), items: z.array(ResourceSummarySchema) });

export const ResourceListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  classification: z.enum(RESOURCE_CLASSES).optional(),
  subclass: z.string().trim().max(50, { error: "子类不超过50个字" }).optional(),
  providerUnitId: idOf("提供方编号格式不正确").optional(),
});

export const ResourceTreeSchema = z.object({
  byClassification: z.array(
    z.object({
      classification: z.enum(RESOURCE_CLASSES),
      count: z.number().int(),
      subclasses: z.array(z.object({ subclass: z.string(), count: z.number().int() })),
    }),
  ),
  byProvider: z.array(z.object({ unitId: Id, unitName: z.string(), count: z.number().int() })),
});

export const ResourceVersionSchema = z.object({
  version: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  /** Changed properties: before and after (信息项 compared as a whole list). */
  diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export const ResourceVersionListSchema = z.object({ items: z.array(ResourceVersionSchema) });

export const SystemInputSchema = z.object({
  name: z.string({ error: "系统名称必填" }).trim().min(2, { error: "系统名称至少2个字" }).max(100),
  ownerUnitId: idOf("请选择建设（使用）单位"),
  onGovCloud: z.boolean({ error: "请说明是否部署在政务云" }),
  protectionLevel: z
    .number({ error: "等保级别必填" })
    .int()
    .min(1, { error: "等保级别为1至5级" })
    .max(5, { error: "等保级别为1至5级" }),
  provides: z.array(ResourceCodeSchema).max(200).default([]),
  consumes: z.array(ResourceCodeSchema).max(200).default([]),
});
export type SystemInput = z.infer<typeof SystemInputSchema>;
export const InfoSystemSchema = SystemInputSchema.extend({ id: Id, ownerName: z.string(), updatedAt: z.string() });
export type InfoSystem = z.infer<typeof InfoSystemSchema>;
export const InfoSystemListSchema = z.object({
  total: z.number().int(),
  /** Of all the systems the filter finds (not only the page's), those on the 政务云. */
  onGovCloud: z.number().int(),
  items: z.array(InfoSystemSchema),
});
export const SystemListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  onGovCloud: z.enum(["true", "false"], { error: "政务云筛选只能是 true 或 false" }).optional(),
});
