import type { Role } from "../../../../../packages/contracts/src/common.ts";

export const DEMO_PASSWORD = "Zhengwu@2022";

/** One demo log-in per role: the unit the person belongs to and the unit the role is granted on. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  memberOf: string;
  grantOn: "district" | "bureau" | "member";
}> = [
  { username: "admin", displayName: "系统管理员", role: "admin", memberOf: "办公室", grantOn: "district" },
  {
    username: "dispatcher",
    displayName: "陈派单",
    role: "dispatcher",
    memberOf: "区城市社区网格化服务管理中心",
    grantOn: "district",
  },
  {
    username: "handler",
    displayName: "李承办",
    role: "handler",
    memberOf: "广州市花都区城市管理和综合执法局",
    grantOn: "member",
  },
  { username: "hall", displayName: "王窗口", role: "hall_staff", memberOf: "区政务服务中心", grantOn: "member" },
  // The centre's own handler: bad ratings of its windows come back to it as rectification tickets.
  { username: "hallchief", displayName: "刘主任", role: "handler", memberOf: "区政务服务中心", grantOn: "member" },
  {
    username: "catalog",
    displayName: "赵事项",
    role: "catalog_manager",
    memberOf: "行政审批制度改革科",
    grantOn: "district",
  },
  {
    username: "supervisor",
    displayName: "周监督",
    role: "supervisor",
    memberOf: "政务服务监督管理科",
    grantOn: "district",
  },
  { username: "finance", displayName: "吴财务", role: "finance_officer", memberOf: "办公室", grantOn: "bureau" },
  { username: "data", displayName: "郑数据", role: "data_officer", memberOf: "政务信息化科", grantOn: "district" },
  { username: "leader", displayName: "孙局长", role: "leader", memberOf: "办公室", grantOn: "district" },
  { username: "auditor", displayName: "钱审计", role: "auditor", memberOf: "办公室", grantOn: "district" },
];
