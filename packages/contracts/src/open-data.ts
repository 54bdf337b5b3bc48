import { z } from "zod";

// The parts of CKAN's Action API answers the public data portal reads (CKAN's default dataset schema).

export const CkanResourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string(),
  url: z.string(),
  description: z.string(),
});

export const CkanPackageSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  isopen: z.boolean(),
  license_title: z.string(),
  metadata_modified: z.string(),
  organization: z.object({ id: z.string(), title: z.string() }),
  groups: z.array(z.object({ name: z.string(), title: z.string() })),
  tags: z.array(z.object({ name: z.string() })),
  resources: z.array(CkanResourceSchema),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type CkanPackage = z.infer<typeof CkanPackageSchema>;

export const CkanSearchAnswerSchema = z.object({
  success: z.literal(true),
  result: z.object({ count: z.number(), results: z.array(CkanPackageSchema) }),
});
export const CkanPackageAnswerSchema = z.object({ success: z.literal(true), result: CkanPackageSchema });

/** The labels of the extras the catalog publishes with each dataset. */
export const OPEN_EXTRA_LABELS: Record<string, string> = {
  resource_code: "资源代码",
  open_type: "开放类型",
  update_cycle: "更新周期",
  published_on: "发布日期",
  format: "资源格式",
  access: "获取方式",
  fields: "开放字段（信息项）",
};
