import type { MenuKey } from "../../../../../packages/contracts/src/auth.ts";
import { hasRole } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";
import { HALL_ADMIN_ROLES, HALL_OPERATE_ROLES, HALL_VIEW_ROLES } from "../appointments/appointments.policy.ts";
import { AUDIT_READ_ROLES } from "../audit/audit.policy.ts";
import { BUDGET_VIEW_ROLES } from "../budget/budget.policy.ts";
import { CATALOG_VIEW_ROLES } from "../catalog/catalog.policy.ts";
import { CREDIT_ROLES, DEFERRAL_VIEW_ROLES } from "../deferrals/deferrals.policy.ts";
import { EVAL_VIEW_ROLES } from "../evaluations/evaluations.policy.ts";
import { canReadJobRuns } from "../jobs/jobs.policy.ts";
import { USER_MANAGE_ROLES, USER_READ_ROLES } from "../users/users.policy.ts";
import { WO_VIEW_ROLES } from "../work-orders/work-orders.policy.ts";

/** The menu entries an actor's roles open; the web UI shows exactly these. */
export function menuFor(actor: Actor): MenuKey[] {
  const menu: MenuKey[] = [];
  if (hasRole(actor, WO_VIEW_ROLES)) {
    menu.push("workOrders");
  }
  if (hasRole(actor, ["dispatcher", "supervisor", "leader", "auditor"])) {
    menu.push("workOrderMetrics");
  }
  if (hasRole(actor, EVAL_VIEW_ROLES)) {
    menu.push("ratings", "onlineCases");
  }
  if (hasRole(actor, BUDGET_VIEW_ROLES)) {
    menu.push("budget", "evaluations", "reports");
  }
  if (hasRole(actor, HALL_OPERATE_ROLES)) {
    menu.push("hallWindow");
  }
  if (hasRole(actor, HALL_VIEW_ROLES)) {
    menu.push("hallMetrics");
  }
  if (hasRole(actor, DEFERRAL_VIEW_ROLES)) {
    menu.push("deferrals");
  }
  if (hasRole(actor, CREDIT_ROLES)) {
    menu.push("creditFlags");
  }
  if (hasRole(actor, HALL_ADMIN_ROLES)) {
    menu.push("hallSetup");
  }
  if (hasRole(actor, CATALOG_VIEW_ROLES)) {
    menu.push("catalog");
  }
  if (actor.kind === "user" && actor.grants.length > 0) {
    menu.push("org");
  }
  if (hasRole(actor, USER_READ_ROLES)) {
    menu.push("users");
  }
  if (hasRole(actor, USER_MANAGE_ROLES)) {
    menu.push("apiKeys");
  }
  if (hasRole(actor, AUDIT_READ_ROLES)) {
    menu.push("audit");
  }
  if (canReadJobRuns(actor)) {
    menu.push("jobRuns");
  }
  // The data module comes in its own issue; until then its page says so and points to what works today.
  if (hasRole(actor, ["data_officer"])) {
    menu.push("dataResources");
  }
  return menu;
}
