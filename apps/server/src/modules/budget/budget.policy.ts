import { action, can, inActorTenant } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/** Who reads a department's budget and performance data, and who keeps it. */
export const VIEW_BUDGETS = action("budget.view", ["finance_officer", "leader", "auditor"]);
export const EDIT_BUDGETS = action("budget.edit", ["finance_officer"]);
/** A leader approves or returns a self-evaluation only with a leader grant over its department. */
export const APPROVE_EVALUATIONS = action("self_evaluation.approve", ["leader"]);

// Budget years are loaded by the actor's tenant; the policy places them by their department's path.
export const canViewBudget = (actor: Actor, scopePath: string) =>
  can(actor, VIEW_BUDGETS, inActorTenant(actor, scopePath));
export const canEditBudget = (actor: Actor, scopePath: string) =>
  can(actor, EDIT_BUDGETS, inActorTenant(actor, scopePath));
export const canApproveEvaluation = (actor: Actor, scopePath: string) =>
  can(actor, APPROVE_EVALUATIONS, inActorTenant(actor, scopePath));
