import { API_KEY_SCOPES, type ApiKeyScope } from "../../../../../packages/contracts/src/api-keys.ts";

export const SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "tickets:write": "工单写入",
  "tickets:read": "工单读取",
  open311: "Open311",
  "cases:write": "网上办件推送",
};

export const SCOPE_OPTIONS = API_KEY_SCOPES.map((scope) => ({
  value: scope,
  label: `${SCOPE_LABELS[scope]}（${scope}）`,
}));
