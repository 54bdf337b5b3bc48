import { action, can, inActorTenant } from "../../platform/access-can.ts";
import type { Actor } from "../../platform/actor.ts";

/**
 * 分级分权限使用: a data officer's grant reaches its subtree (a town: itself and its villages; the
 * district's officers: everything). What is shared to a unit is added by the grants, not by the role.
 */
export const VIEW_DATA = action("data_resource.view", ["data_officer"]);
/** Cataloguing, filling and deciding on requests for the resources a unit provides. */
export const MANAGE_DATA = action("data_resource.manage", ["data_officer"]);

export const canViewDataAt = (actor: Actor, path: string) => can(actor, VIEW_DATA, inActorTenant(actor, path));
export const canManageDataAt = (actor: Actor, path: string) => can(actor, MANAGE_DATA, inActorTenant(actor, path));

/**
 * Checking the whole tenant's exchange chain: auditors, and data officers granted on the district
 * (a town's officer would learn of other units' traffic from where the chain breaks).
 */
export const VERIFY_EXCHANGE = action("data_exchange.verify", ["data_officer", "auditor"], "tenant");
