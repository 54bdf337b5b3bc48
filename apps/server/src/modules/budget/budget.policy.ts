import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import { action, can } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/** Who reads a department's budget and performance data, and who keeps it. */
export const BUDGET_VIEW_ROLES: readonly Role[] = ["finance_officer", "leader", "auditor"];
export const BUDGET_EDIT_ROLES: readonly Role[] = ["finance_officer"];

export const canViewBudget = (actor: Actor, scopePath: string) =>
  covers(scopePaths(actor, BUDGET_VIEW_ROLES), scopePath);
export const canEditBudget = (actor: Actor, scopePath: string) =>
  covers(scopePaths(actor, BUDGET_EDIT_ROLES), scopePath);

/** A leader approves or returns a self-evaluation only with a leader grant over its department. */
const APPROVE_EVALUATION = action("self_evaluation.approve", ["leader"]);
export const canApproveEvaluation = (actor: Actor, scopePath: string) =>
  can(actor, APPROVE_EVALUATION, { tenantId: actor.tenantId, orgPath: scopePath });
