import type { AuditEntry } from "../../../../../packages/contracts/src/audit.ts";

/** Display names for the actions the server records; unknown ones show their code. */
export const ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login.failed": "登录失败",
  "auth.logout": "退出登录",
  "auth.password.change": "修改密码",
  "user.create": "新增用户",
  "user.update": "修改用户",
  "user.password.reset": "重置密码",
  "user.contact.read": "查看手机号",
  "user.grant.add": "授予角色",
  "user.grant.remove": "撤销角色",
  "org.unit.create": "新增机构",
  "org.unit.rename": "重命名机构",
  "api_key.create": "新建接口密钥",
  "api_key.revoke": "吊销接口密钥",
  "tenant.create": "创建租户",
};

export const ENTITY_LABELS: Record<string, string> = {
  user: "用户",
  session: "会话",
  org_unit: "机构",
  api_key: "接口密钥",
  grant: "授权",
  tenant: "租户",
};

export const ACTOR_TYPE_LABELS: Record<AuditEntry["actorType"], string> = {
  user: "用户",
  api_key: "接口密钥",
  system: "系统",
};

export const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));

export const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }));
