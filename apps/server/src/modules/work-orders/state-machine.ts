import {
  OPEN_STATUSES,
  type TransitionInput,
  type WoAction,
  type WoStatus,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { AppError } from "../../platform/errors.ts";

/** Who performs an action: the hotline centre (dispatcher) or the handling unit (handler). */
export type Performer = "centre" | "unit";

type Rule = {
  from: readonly WoStatus[];
  to: WoStatus | "previous" | "by_outcome";
  by: Performer;
  needsReason?: boolean;
};

/** domain-rules §1. Every status change goes through `planTransition`. */
export const TRANSITIONS: Record<WoAction, Rule> = {
  dispatch: { from: ["received"], to: "dispatched", by: "centre" },
  accept: { from: ["dispatched"], to: "accepted", by: "unit" },
  start: { from: ["accepted"], to: "in_progress", by: "unit" },
  reply: { from: ["accepted", "in_progress"], to: "replied", by: "unit", needsReason: true },
  approve_reply: { from: ["replied"], to: "follow_up", by: "centre" },
  reject_reply: { from: ["replied"], to: "in_progress", by: "centre", needsReason: true },
  // Unsatisfied with the unit at fault opens a redo round; otherwise the ticket closes.
  follow_up: { from: ["follow_up"], to: "by_outcome", by: "centre" },
  request_return: { from: ["dispatched", "accepted"], to: "return_requested", by: "unit", needsReason: true },
  approve_return: { from: ["return_requested"], to: "received", by: "centre" },
  reject_return: { from: ["return_requested"], to: "previous", by: "centre", needsReason: true },
  request_extension: { from: ["accepted", "in_progress"], to: "extension_requested", by: "unit", needsReason: true },
  approve_extension: { from: ["extension_requested"], to: "in_progress", by: "centre" },
  reject_extension: { from: ["extension_requested"], to: "in_progress", by: "centre", needsReason: true },
  archive: { from: ["closed"], to: "archived", by: "centre" },
};

export { OPEN_STATUSES };

export type TicketState = {
  status: WoStatus;
  extensionCount: number;
  closeDueAt: Date;
  /** Status before a pending return request, read from the ticket's events. */
  statusBeforeReturn: WoStatus | null;
};

export type Plan = { to: WoStatus; redo: boolean };

/**
 * Checks an action against the ticket's state and the rules, and says where it leads.
 * @throws conflict `invalid_transition` / `extension_limit`, validation (missing reason or field)
 */
export function planTransition(state: TicketState, input: TransitionInput, now: Date, maxExtensions: number): Plan {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(state.status)) {
    throw new AppError("conflict", `工单当前状态不能执行该操作`, {
      code: "invalid_transition",
      from: state.status,
      action: input.action,
    });
  }
  if (rule.needsReason && !input.reason) {
    throw new AppError("validation", "请填写原因或答复内容", [{ path: "reason", message: "此操作须填写原因" }]);
  }
  if (input.action === "dispatch" && !input.unitId) {
    throw new AppError("validation", "请选择承办单位", [{ path: "unitId", message: "派单须选择承办单位" }]);
  }
  if (input.action === "request_extension") {
    if (state.extensionCount >= maxExtensions) {
      throw new AppError("conflict", `延期最多申请 ${maxExtensions} 次`, { code: "extension_limit" });
    }
    if (now > state.closeDueAt) {
      throw new AppError("conflict", "已超过办理期限，不能再申请延期", { code: "extension_too_late" });
    }
  }
  if (input.action === "approve_extension" && !input.extensionDays) {
    throw new AppError("validation", "请填写延期的工作日数", [
      { path: "extensionDays", message: "须填写延期工作日数" },
    ]);
  }
  if (input.action === "follow_up" && input.reached !== false && input.satisfaction === undefined) {
    throw new AppError("validation", "请选择满意度", [{ path: "satisfaction", message: "回访须记录满意度" }]);
  }
  if (input.action === "follow_up" && input.reached === false && input.satisfaction !== undefined) {
    throw new AppError("validation", "未联系上来电人，不能记录满意度", [
      { path: "satisfaction", message: "回访未成功时不记录满意度" },
    ]);
  }
  if (rule.to === "previous") {
    return { to: state.statusBeforeReturn ?? "dispatched", redo: false };
  }
  if (rule.to === "by_outcome") {
    // An unreachable caller closes the ticket unrated (it counts as not successfully followed up).
    const redo = input.reached !== false && (input.satisfaction ?? 5) <= 2 && input.unitAtFault === true;
    return { to: redo ? "in_progress" : "closed", redo };
  }
  return { to: rule.to, redo: false };
}

/** Folds a ticket's events into its status: the projection the work_orders row must equal. */
export function statusFromEvents(events: ReadonlyArray<{ toStatus: string }>): string | undefined {
  return events.at(-1)?.toStatus;
}
