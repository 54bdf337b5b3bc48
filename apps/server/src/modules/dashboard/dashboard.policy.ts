import { action } from "../../platform/access-can.ts";

/**
 * 诉求 analysis reads tickets in aggregate, inside the reader's subtrees: those who read tickets
 * (dispatchers, handlers, supervisors, leaders, auditors) and the data officers who brief on them.
 */
export const READ_APPEALS = action("dashboard.appeals.read", [
  "dispatcher",
  "handler",
  "supervisor",
  "leader",
  "auditor",
  "data_officer",
]);

/** The cockpit opens for anyone who may read one of its tiles; each tile checks its module's action. */
export const READ_COCKPIT = action("dashboard.cockpit.read", [
  "leader",
  "supervisor",
  "dispatcher",
  "data_officer",
  "auditor",
  "finance_officer",
  "admin",
]);

/** The 诉求分析简报 goes to the leaders, is drafted by the data officers and read by supervision. */
export const READ_BRIEFINGS = action("dashboard.briefing.read", ["leader", "data_officer", "supervisor"]);
