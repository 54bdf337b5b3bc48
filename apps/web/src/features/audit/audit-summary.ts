import { ROLE_LABELS, RoleSchema } from "../../../../../packages/contracts/src/common.ts";
import { WO_STATUS_LABELS, WoStatusSchema } from "../../../../../packages/contracts/src/work-orders.ts";
import { formatDateTime } from "../../shared/format.ts";

/** Names of the fields the server writes into audit summaries. */
export const FIELD_LABELS: Record<string, string> = {
  username: "用户名",
  displayName: "姓名",
  orgUnit: "机构",
  roles: "角色",
  role: "角色",
  phone: "手机号",
  field: "字段",
  ip: "IP 地址",
  name: "名称",
  kind: "类型",
  code: "编码",
  parent: "上级机构",
  scopes: "权限范围",
  prefix: "前缀",
  units: "机构数",
  towns: "镇街数",
  villages: "村居数",
  year: "年度",
  version: "版本",
  before: "修改前",
  after: "修改后",
  changes: "变更",
  materials: "材料数",
  items: "事项",
  caseNo: "案件编号",
  grantedOn: "兑现日期",
  created: "新增",
  changed: "变更",
  unchanged: "未变",
  codes: "编码",
  seed: "随机种子",
  bundles: "一件事数",
  policyCases: "政策案例数",
  caseId: "办件ID",
  item: "事项",
  itemCode: "事项编码",
  note: "备注",
  idNumber: "证件号码",
  source: "来源",
  reminders: "提醒数",
  projects: "项目数",
  indicators: "指标数",
  evidence: "佐证材料",
  batches: "批次",
  visitors: "来访人次",
  cases: "办件数",
  badRatings: "差评数",
  key: "段落",
  text: "内容",
  level: "层级",
  groups: "业务分组",
  number: "号码",
  window: "窗口",
  calls: "呼叫次数",
  halls: "大厅数",
  workdays: "工作日",
  slot: "预约时段",
  result: "结果",
  contacts: "联系人数",
  rows: "行数",
  existing: "已存在",
  masterId: "主工单",
  externalNo: "外部编号",
  category: "分类",
  channel: "渠道",
  urgency: "紧急程度",
  subjectKind: "评价对象",
  subjectId: "评价对象ID",
  bad: "差评",
  outcome: "结论",
  reason: "理由",
  demo: "演示数据",
  unitId: "承办单位",
  comment: "意见",
  dueAt: "办结时限",
  staff: "工作人员",
  windowName: "窗口",
  from: "原值",
  to: "新值",
};

/** What a bare {from, to} summary changes, by action. */
const FROM_TO_FIELD: Record<string, string> = {
  "work_order.supervise": "督办级别",
  "self_evaluation.revise": "版本",
  "booking.reschedule": "预约时段",
  "hall.slots.generate": "日期",
  "queue.transfer": "转至",
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") {
    return "—";
  }
  if (typeof value === "boolean") {
    return value ? "是" : "否";
  }
  if (typeof value === "number") {
    return String(value);
  }
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) {
      return formatDateTime(value);
    }
    const status = WoStatusSchema.safeParse(value);
    if (status.success && (key === "from" || key === "to" || key === "status")) {
      return WO_STATUS_LABELS[status.data];
    }
    const role = RoleSchema.safeParse(value);
    if (role.success && (key === "role" || key === "roles")) {
      return ROLE_LABELS[role.data];
    }
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "（无）" : value.map((v) => formatValue(key, v)).join("、");
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    const fromTo = fromToPair(value);
    if (fromTo) {
      return `${formatValue(key, fromTo.from)} → ${formatValue(key, fromTo.to)}`;
    }
    return entries.map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${formatValue(k, v)}`).join("，");
  }
  return String(value);
}

function fromToPair(value: object): { from: unknown; to: unknown } | null {
  const keys = Object.keys(value);
  if (keys.length === 2 && "from" in value && "to" in value) {
    return { from: value.from, to: value.to };
  }
  return null;
}

export type SummaryLine = { key: string; label: string; text: string };

/** An audit summary as labelled lines: "督办级别：0 → 3", "用户名：zhangsan". */
export function describeSummary(action: string, summary: Record<string, unknown>): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const rest: [string, unknown][] = [];
  if ("from" in summary && "to" in summary) {
    // Work-order transitions record a status change; other actions name theirs below.
    const label =
      action.startsWith("work_order.") && !FROM_TO_FIELD[action] ? "状态" : (FROM_TO_FIELD[action] ?? "变更");
    lines.push({
      key: "from→to",
      label,
      text: `${formatValue("from", summary.from)} → ${formatValue("to", summary.to)}`,
    });
  }
  const paired = "from" in summary && "to" in summary;
  for (const [k, v] of Object.entries(summary)) {
    if (!paired || (k !== "from" && k !== "to")) {
      rest.push([k, v]);
    }
  }
  for (const [k, v] of rest) {
    // A lone "to" (e.g. a transfer's target window) is named by its action.
    const label = k === "from" || k === "to" ? (FROM_TO_FIELD[action] ?? FIELD_LABELS[k]) : FIELD_LABELS[k];
    lines.push({ key: k, label: label ?? k, text: formatValue(k, v) });
  }
  return lines;
}

/** One line for the table: "督办级别：0 → 3；…". */
export function summaryText(action: string, summary: Record<string, unknown>): string {
  return describeSummary(action, summary)
    .map((l) => `${l.label}：${l.text}`)
    .join("；");
}
