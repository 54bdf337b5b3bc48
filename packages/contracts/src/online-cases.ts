import { z } from "zod";
import { isoDay } from "./common.ts";
import { Id } from "./id.ts";
import { PHONE_PATTERN } from "./id-number.ts";

/** 网上办件: a case applied for and finished on the provincial portal (一网通办), pushed to us for 好差评. */
export const ONLINE_CASE_RESULTS = ["approved", "rejected", "withdrawn"] as const;
export type OnlineCaseResult = (typeof ONLINE_CASE_RESULTS)[number];
export const ONLINE_CASE_RESULT_LABELS: Record<OnlineCaseResult, string> = {
  approved: "准予办理",
  rejected: "不予办理",
  withdrawn: "申请人撤回",
};

const Instant = (label: string) => z.iso.datetime({ offset: true, error: `${label}须为带时区的 ISO 8601 时间` });

export const OnlineCaseInputSchema = z
  .object({
    caseNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,40}$/, { error: "办件编号应为6–40位字母、数字或-" }),
    itemCode: z.string().trim().min(1, { error: "请填写事项编码" }).max(40, { error: "事项编码不超过40位" }),
    itemName: z.string().trim().min(1, { error: "请填写事项名称" }).max(100, { error: "事项名称不超过100字" }),
    /** The department that processed the case, by its name in the org tree. */
    departmentName: z.string().trim().min(1, { error: "请填写办理部门" }).max(60),
    handlerName: z.string().trim().max(30, { error: "经办人姓名不超过30字" }).optional(),
    applicantName: z.string().trim().min(1, { error: "请填写申请人" }).max(60, { error: "申请人不超过60字" }),
    /** Natural persons only; checked per GB 11643 by the service. */
    idNumber: z
      .string()
      .trim()
      .max(18, { error: "身份证号须为18位" })
      .transform((s) => s.toUpperCase())
      .optional(),
    phone: z.string().trim().regex(PHONE_PATTERN, { error: "手机号须为11位大陆手机号" }),
    submittedAt: Instant("申请时间"),
    finishedAt: Instant("办结时间"),
    result: z.enum(ONLINE_CASE_RESULTS, { error: "办理结果只能是 approved、rejected 或 withdrawn" }),
  })
  .refine((v) => Date.parse(v.finishedAt) >= Date.parse(v.submittedAt), {
    error: "办结时间不能早于申请时间",
    path: ["finishedAt"],
  });
export type OnlineCaseInput = z.infer<typeof OnlineCaseInputSchema>;

export const OnlineCaseIntakeResultSchema = z.object({
  id: Id,
  caseNo: z.string(),
  created: z.boolean(),
  /** For the portal's notice to the applicant: asked for, with the phone tail, to rate the case. */
  ratingCode: z.string(),
});

export const OnlineCaseSchema = z.object({
  id: Id,
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  unitId: Id,
  unitName: z.string(),
  handlerName: z.string().nullable(),
  applicantName: z.string(),
  /** Masked: first 6 and last 4 digits. */
  idNumber: z.string().nullable(),
  /** Masked: 138****5678. */
  phone: z.string(),
  submittedAt: z.string(),
  finishedAt: z.string(),
  result: z.enum(ONLINE_CASE_RESULTS),
});
export type OnlineCase = z.infer<typeof OnlineCaseSchema>;
export const OnlineCaseListSchema = z.object({ total: z.number().int(), items: z.array(OnlineCaseSchema) });

export const OnlineCaseListQuerySchema = z.object({
  from: isoDay("日期格式应为 YYYY-MM-DD").optional(),
  to: isoDay("日期格式应为 YYYY-MM-DD").optional(),
  itemCode: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OnlineCaseListQuery = z.infer<typeof OnlineCaseListQuerySchema>;
