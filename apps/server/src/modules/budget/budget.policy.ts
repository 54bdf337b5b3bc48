import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";

/** Who reads a department's budget and performance data, and who keeps it. */
export const BUDGET_VIEW_ROLES: readonly Role[] = ["finance_officer", "leader", "auditor"];
export const BUDGET_EDIT_ROLES: readonly Role[] = ["finance_officer"];

export const canViewBudget = (actor: Actor, scopePath: string) =>
  covers(scopePaths(actor, BUDGET_VIEW_ROLES), scopePath);
export const canEditBudget = (actor: Actor, scopePath: string) =>
  covers(scopePaths(actor, BUDGET_EDIT_ROLES), scopePath);
