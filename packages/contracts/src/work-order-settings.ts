import { z } from "zod";
import { Id } from "./id.ts";
import { WoCategorySchema, WoKindSchema, WoUrgencySchema } from "./work-orders.ts";

/** Reference data of the work-order engine: campaigns and the SLA policy per year. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为 YYYY-MM-DD" });
export const CampaignSchema = z.object({
  id: Id,
  tag: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export const CampaignListSchema = z.object({ items: z.array(CampaignSchema) });
export const CreateCampaignInputSchema = z
  .object({
    tag: z.string().trim().min(1, { error: "标签必填" }).max(30),
    name: z.string().trim().min(2, { error: "名称至少2个字" }).max(60),
    startsOn: day,
    endsOn: day,
  })
  .refine((c) => c.startsOn <= c.endsOn, { error: "结束日期不能早于开始日期", path: ["endsOn"] });

const limitUnit = z.enum(["wd", "h"], { error: "单位只能是 wd（工作日）或 h（小时）" });
export const SlaPolicySchema = z.object({
  id: Id,
  year: z.number().int(),
  kind: WoKindSchema.nullable(),
  category: WoCategorySchema.nullable(),
  urgency: WoUrgencySchema.nullable(),
  acceptValue: z.number().int(),
  acceptUnit: limitUnit,
  closeValue: z.number().int(),
  closeUnit: limitUnit,
  warnHours: z.number().int(),
  maxExtensions: z.number().int(),
  superviseAfterWd: z.number().int(),
  notifyAfterWd: z.number().int(),
});
export const SlaPolicyListSchema = z.object({ items: z.array(SlaPolicySchema) });
export const SlaPolicyQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const UpdateSlaPolicyInputSchema = z.object({
  acceptValue: z.number().int().min(1).max(720),
  acceptUnit: limitUnit,
  closeValue: z.number().int().min(1).max(720),
  closeUnit: limitUnit,
  warnHours: z.number().int().min(0).max(720),
  maxExtensions: z.number().int().min(0).max(5),
  superviseAfterWd: z.number().int().min(0).max(60),
  notifyAfterWd: z.number().int().min(0).max(60),
});
