import {
  API_KEY_SCOPES,
  type ApiKeyScope,
  GRANT_BOUND_SCOPES,
  PROVIDER_BOUND_SCOPES,
} from "../../../../../packages/contracts/src/api-keys.ts";

export const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "tickets:write": "工单写入",
  "tickets:read": "工单读取",
  open311: "Open311",
  "cases:write": "网上办件推送",
  "data:read": "数据服务读取（绑定共享授权）",
  "data:write": "数据写入（绑定提供单位）",
};

// Data-service credentials are issued with their grant, data write keys by the provider's officer, not here.
export const SCOPE_OPTIONS = API_KEY_SCOPES.filter(
  (s) => !GRANT_BOUND_SCOPES.includes(s) && !PROVIDER_BOUND_SCOPES.includes(s),
).map((scope) => ({
  value: scope,
  label: `${SCOPE_LABELS[scope]}（${scope}）`,
}));
