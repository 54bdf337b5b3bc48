import type { ShareType } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { GRANT_STATUSES } from "../../../../../packages/contracts/src/data-sharing-requests.ts";

export const SHARE_TYPE_COLORS: Record<ShareType, string> = {
  unconditional: "green",
  conditional: "gold",
  none: "default",
};

export const GRANT_STATUS_LABELS: Record<(typeof GRANT_STATUSES)[number], string> = {
  active: "有效",
  not_started: "未生效",
  expired: "已过期",
  revoked: "已撤销",
};
export const GRANT_STATUS_COLORS: Record<(typeof GRANT_STATUSES)[number], string> = {
  active: "green",
  not_started: "blue",
  expired: "default",
  revoked: "red",
};

export const REQUEST_STATUS_COLORS = { pending: "gold", granted: "green", refused: "red" } as const;
