import { z } from "zod";
import { Id, idOf } from "./id.ts";

export const ORG_KINDS = [
  "district",
  "street",
  "town",
  "community",
  "village",
  "bureau",
  "bureau_unit",
  "department",
  "department_unit",
] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  district: "区",
  street: "街道",
  town: "镇",
  community: "社区居委会",
  village: "村委会",
  bureau: "本局",
  bureau_unit: "局内设机构",
  department: "区直部门",
  department_unit: "部门内设机构",
};

export const OrgUnitSchema = z.object({
  id: Id,
  parentId: Id.nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: OrgKindSchema,
  depth: z.number().int(),
  childCount: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const OrgTreeQuerySchema = z.object({
  q: z.string().trim().max(50, { error: "搜索词不能超过50个字" }).optional(),
});
export const OrgTreeResponseSchema = z.object({ units: z.array(OrgUnitSchema) });

export const ORG_NAME_MAX = 60;
export const CreateOrgUnitInputSchema = z.object({
  parentId: idOf("上级机构ID格式不正确"),
  name: z
    .string({ error: "名称必填" })
    .trim()
    .min(2, { error: "名称至少2个字" })
    .max(ORG_NAME_MAX, { error: `名称不能超过${ORG_NAME_MAX}个字` }),
  kind: OrgKindSchema,
  code: z
    .string()
    .regex(/^\d{6,12}$/, { error: "区划代码应为6–12位数字" })
    .optional(),
});
export type CreateOrgUnitInput = z.infer<typeof CreateOrgUnitInputSchema>;

export const UpdateOrgUnitInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: "名称至少2个字" })
    .max(ORG_NAME_MAX, { error: `名称不能超过${ORG_NAME_MAX}个字` }),
});
export type UpdateOrgUnitInput = z.infer<typeof UpdateOrgUnitInputSchema>;
