import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";

/** Supervisors (政务服务监督管理科) run 好差评; units see their own ratings but never who rated. */
export const EVAL_VIEW_ROLES: readonly Role[] = ["supervisor", "handler", "hall_staff", "leader", "auditor"];
export const EVAL_SUPERVISE_ROLES: readonly Role[] = ["supervisor"];
export const EVAL_APPEAL_ROLES: readonly Role[] = ["handler", "hall_staff"];

export const canViewRating = (actor: Actor, path: string) => covers(scopePaths(actor, EVAL_VIEW_ROLES), path);
export const canSeeRater = (actor: Actor, path: string) => covers(scopePaths(actor, EVAL_SUPERVISE_ROLES), path);
export const canAppeal = (actor: Actor, path: string) => covers(scopePaths(actor, EVAL_APPEAL_ROLES), path);
export const canDecideAppeal = canSeeRater;
