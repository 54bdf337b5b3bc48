import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { covers, scopePaths } from "../../platform/access.ts";
import type { Actor } from "../../platform/actor.ts";
import { HALL_OPERATE_ROLES, HALL_VIEW_ROLES } from "../appointments/appointments.policy.ts";

/** 容缺受理 is hall business: the hall's viewers read it, its window staff record and close it. */
export const DEFERRAL_VIEW_ROLES = HALL_VIEW_ROLES;
export const DEFERRAL_OPERATE_ROLES = HALL_OPERATE_ROLES;
/** The bad-credit list holds personal data: supervisors and administrators only. */
export const CREDIT_ROLES = ["supervisor", "admin"] as const satisfies Role[];

type Scoped = { scopePath: string };

export const canViewDeferral = (actor: Actor, d: Scoped) => covers(scopePaths(actor, DEFERRAL_VIEW_ROLES), d.scopePath);
export const canOperateDeferral = (actor: Actor, d: Scoped) =>
  covers(scopePaths(actor, DEFERRAL_OPERATE_ROLES), d.scopePath);
export const canManageCredit = (actor: Actor, f: Scoped) => covers(scopePaths(actor, CREDIT_ROLES), f.scopePath);
