import type { MenuKey } from "../../../../../packages/contracts/src/auth.ts";
import { type Action, canAnywhere } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";
import { MANAGE_API_KEYS } from "../api-keys/api-keys.policy.ts";
import { ADMINISTER_HALLS, OPERATE_HALLS, VIEW_HALLS } from "../appointments/appointments.policy.ts";
import { READ_AUDIT } from "../audit/audit.policy.ts";
import { VIEW_BUDGETS } from "../budget/budget.policy.ts";
import { CONSULT_CATALOG_AT_WINDOW, VIEW_CATALOG } from "../catalog/catalog.policy.ts";
import { READ_APPEALS, READ_BRIEFINGS, READ_COCKPIT } from "../dashboard/dashboard.policy.ts";
import { VIEW_DATA } from "../data-sharing/data-sharing.policy.ts";
import { MANAGE_CREDIT, VIEW_DEFERRALS } from "../deferrals/deferrals.policy.ts";
import { VIEW_RATINGS } from "../evaluations/evaluations.policy.ts";
import { canReadJobRuns } from "../jobs/jobs.policy.ts";
import { VIEW_ORG } from "../org/org.policy.ts";
import { READ_USERS } from "../users/users.policy.ts";
import { READ_WORK_ORDER_METRICS, VIEW_WORK_ORDERS } from "../work-orders/work-orders.policy.ts";

/** Each menu entry opens where the actor may perform one of its actions somewhere. */
const ENTRIES: readonly (readonly [readonly MenuKey[], readonly Action[]])[] = [
  [["workOrders"], [VIEW_WORK_ORDERS]],
  [["workOrderMetrics"], [READ_WORK_ORDER_METRICS]],
  [["ratings", "onlineCases"], [VIEW_RATINGS]],
  [["budget", "evaluations", "reports"], [VIEW_BUDGETS]],
  [["hallWindow"], [OPERATE_HALLS]],
  [["hallMetrics"], [VIEW_HALLS]],
  [["deferrals"], [VIEW_DEFERRALS]],
  [["creditFlags"], [MANAGE_CREDIT]],
  [["hallSetup"], [ADMINISTER_HALLS]],
  [["catalog"], [VIEW_CATALOG, CONSULT_CATALOG_AT_WINDOW]],
  [["org"], [VIEW_ORG]],
  [["users"], [READ_USERS]],
  [["apiKeys"], [MANAGE_API_KEYS]],
  [["audit"], [READ_AUDIT]],
  [["cockpit"], [READ_COCKPIT]],
  [["appeals"], [READ_APPEALS]],
  [["briefings"], [READ_BRIEFINGS]],
];

/** The menu entries a signed-in user's grants open; the web UI shows exactly these. */
export function menuFor(actor: Actor): MenuKey[] {
  if (actor.kind !== "user") {
    return [];
  }
  const menu = ENTRIES.filter(([, acts]) => acts.some((a) => canAnywhere(actor, a))).flatMap(([keys]) => keys);
  if (canReadJobRuns(actor)) {
    menu.push("jobRuns");
  }
  if (canAnywhere(actor, VIEW_DATA)) {
    menu.push("dataResources");
  }
  return menu;
}
