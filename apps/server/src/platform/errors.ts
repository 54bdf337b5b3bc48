export type ErrorCode =
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "validation"
  | "unprocessable"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "invalid_credentials"
  | "account_locked"
  | "password_change_required"
  | "csrf_failed"
  | "unavailable"
  | "internal";

export type FieldIssue = { path: string; message: string };

/** The one application error; the HTTP layer maps `code` to a status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

const ENTITY_LABELS: Record<string, string> = {
  org_unit: "机构",
  user: "用户",
  api_key: "接口密钥",
  grant: "授权",
  tenant: "租户",
  work_order: "工单",
  sla_policy: "时限规则",
  campaign: "专项",
  budget_year: "预算年度",
  budget_project: "预算项目",
  performance_fact: "绩效事实",
  self_evaluation: "绩效自评",
  evaluation_item: "评分指标",
  report_paragraph: "报告段落",
  rating: "评价",
  deferral: "容缺受理记录",
  credit_flag: "失信记录",
  service_case: "办件",
  online_case: "网上办件",
  catalog_item: "事项",
  catalog_bundle: "一件事",
  export_task: "导出任务",
  data_resource: "信息资源",
  data_system: "信息系统",
  data_request: "共享申请",
  data_grant: "共享授权",
};

export const notFound = (entity: string) => new AppError("not_found", `${ENTITY_LABELS[entity] ?? entity}不存在`);
export const forbidden = (message = "没有执行此操作的权限") => new AppError("forbidden", message);
export const conflict = (message: string, details?: unknown) => new AppError("conflict", message, details);
export const validation = (issues: FieldIssue[]) =>
  new AppError("validation", issues.map((i) => `${i.path}: ${i.message}`).join("；"), issues);

/** Throws `forbidden` unless the policy allowed the action. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) {
    throw forbidden(message);
  }
}
