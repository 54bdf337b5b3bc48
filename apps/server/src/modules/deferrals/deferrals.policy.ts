import { action, can, resourceOf } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";
import { OPERATE_HALLS, VIEW_HALLS } from "../appointments/appointments.policy.ts";

/** 容缺受理 is hall business: the hall's viewers read it, its window staff record and close it. */
export const VIEW_DEFERRALS = VIEW_HALLS;
export const OPERATE_DEFERRALS = OPERATE_HALLS;
/** The bad-credit list holds personal data: supervisors and administrators only. */
export const MANAGE_CREDIT = action("credit_flag.manage", ["supervisor", "admin"]);

type Scoped = { tenantId: string; scopePath: string };

export const canViewDeferral = (actor: Actor, d: Scoped) => can(actor, VIEW_DEFERRALS, resourceOf(d));
export const canOperateDeferral = (actor: Actor, d: Scoped) => can(actor, OPERATE_DEFERRALS, resourceOf(d));
export const canManageCredit = (actor: Actor, f: Scoped) => can(actor, MANAGE_CREDIT, resourceOf(f));
